import '../community.css';
import {
  useOrganisationEditQuery,
  useUpdateOrganisationMutation,
  type OrganisationEditQuery,
  type Visibility,
} from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, TextField } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CheckboxGroup } from '../components/checkbox-group';
import { csv, rules } from '../components/edit-rules';
import { QueryState } from '../components/query-state';
import { TextArea } from '../components/text-area';
import { ThemeDot } from '../components/themes';
import { useCommunityForm } from '../components/use-community-form';
import { countryName, groupThemes, themeName } from '../format';

export default function OrganisationEditPage() {
  const { t } = useTranslation('community');
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useOrganisationEditQuery({ variables: { slug } });
  if (!data?.organisation) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.organisation.viewerCanEdit) {
    return (
      <>
        <PageHeading>{t('edit.notAllowedTitle')}</PageHeading>
        <p>{t('edit.notAllowed')}</p>
        <Link to={`/organisations/${slug}`}>{t('edit.backToHub', { hub: data.organisation.name })}</Link>
      </>
    );
  }
  return <OrganisationForm org={data.organisation} themes={data.themes} />;
}

type Field = 'name' | 'description' | 'city' | 'country' | 'website' | 'languages' | 'themeKeys' | 'visibility';

function OrganisationForm({ org, themes }: { org: OrganisationEditQuery['organisation']; themes: OrganisationEditQuery['themes'] }) {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const [update] = useUpdateOrganisationMutation({ refetchQueries: ['Organisation'] });
  const { form, busy, submit, summary } = useCommunityForm<Field>({
    id: 'org-edit',
    initial: {
      name: org.name,
      description: org.description,
      city: org.city ?? '',
      country: org.country,
      website: org.website ?? '',
      languages: org.languages.join(', '),
      themeKeys: org.themes.map((th) => th.key).join(','),
      visibility: org.visibility,
    },
    rules: {
      name: rules.name,
      description: rules.description,
      country: rules.country,
      website: rules.website,
      languages: rules.languages,
    },
  });
  const countryShown = rules.country(form.values.country) ? null : countryName(form.values.country, locale);
  return (
    <>
      <p className="an-breadcrumb">
        <Link to={`/organisations/${org.slug}`}>{org.name}</Link>
      </p>
      <PageHeading title={t('edit.orgTab', { organisation: org.name })}>{t('edit.orgTitle')}</PageHeading>
      <form
        className="an-form"
        noValidate
        aria-label={t('edit.orgTitle')}
        onSubmit={submit(async (v) => {
          await update({
            variables: {
              input: {
                id: org.id,
                name: v.name.trim(),
                description: v.description.trim(),
                city: v.city.trim(),
                country: v.country.trim().toUpperCase(),
                website: v.website.trim() || null,
                languages: csv(v.languages),
                themeKeys: csv(v.themeKeys),
                visibility: v.visibility as Visibility,
              },
            },
          });
          navigate(`/organisations/${org.slug}`);
        })}
      >
        {summary}
        <TextField {...form.field('name')} label={t('edit.name')} />
        <TextArea {...form.field('description')} label={t('edit.description')} hint={t('edit.descriptionHint')} />
        <TextField {...form.field('city')} label={t('edit.city')} />
        <TextField
          {...form.field('country')}
          label={t('edit.country')}
          hint={countryShown ? t('edit.countryIs', { country: countryShown }) : t('edit.countryHint')}
          maxLength={2}
          spellCheck={false}
        />
        <TextField {...form.field('website')} type="url" label={t('organisation.website')} hint={t('edit.websiteHint')} inputMode="url" />
        <TextField {...form.field('languages')} label={t('organisation.languages')} hint={t('edit.languagesHint')} spellCheck={false} />
        <CheckboxGroup
          id={form.fieldId('themeKeys')}
          legend={t('hub.themes')}
          error={form.field('themeKeys').error}
          value={csv(form.values.themeKeys)}
          onChange={(v) => form.set('themeKeys', v.join(','))}
          options={[]}
          groups={groupThemes(themes).map(({ parent, children }) => ({
            label: themeName(parent, locale),
            options: [parent, ...children].map((theme) => ({
              value: theme.key,
              label: themeName(theme, locale),
              marker: <ThemeDot theme={theme} />,
            })),
          }))}
        />
        <Select
          id={form.fieldId('visibility')}
          label={t('organisation.visibility')}
          value={form.values.visibility}
          onChange={(v) => form.set('visibility', v)}
          options={(['PUBLIC', 'MEMBERS'] as Visibility[]).map((p) => ({ value: p, label: t(`visibility.${p}`) }))}
        />
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('edit.save')}
          </Button>
          <Link to={`/organisations/${org.slug}`}>{t('edit.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
