import '../community.css';
import { useSession } from '@anyam/client/account';
import {
  useMyCommunityProfileQuery,
  useUpdateMemberProfileMutation,
  type DirectoryVisibility,
  type MyCommunityProfileQuery,
} from '@anyam/client/graphql';
import { Button, Link, PageHeading, TextField } from '@anyam/client/ui';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../components/checkbox-group';
import { QueryState } from '../components/query-state';
import { TextArea } from '../components/text-area';
import { ThemeDot } from '../components/themes';
import { useCommunityForm } from '../components/use-community-form';
import { groupThemes, languageName, themeName } from '../format';

const VISIBILITIES: DirectoryVisibility[] = ['HIDDEN', 'HUBS', 'MEMBERS'];
const COMMON_LANGUAGES = ['en', 'id', 'es', 'pt', 'qu', 'ay', 'jv', 'su', 'fr', 'sw'];

export default function CommunityProfilePage() {
  const { member } = useSession();
  const { data, loading, error, refetch } = useMyCommunityProfileQuery({
    variables: { id: member?.id ?? '' },
    skip: !member,
  });
  if (!data?.member) return <QueryState loading={loading || !data} error={error} retry={() => void refetch()} />;
  return <ProfileForm profile={data.member} themes={data.themes} />;
}

type Field = 'visibility' | 'pronouns' | 'bio' | 'languages' | 'themeKeys';

function ProfileForm({ profile, themes }: { profile: MyCommunityProfileQuery['member']; themes: MyCommunityProfileQuery['themes'] }) {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [update] = useUpdateMemberProfileMutation();
  const [saved, setSaved] = useState(false);
  const [reducedMotion, setReducedMotion] = useState(Boolean(profile.reducedMotion));
  const [largerText, setLargerText] = useState(Boolean(profile.largerText));
  const { form, busy, submit, summary } = useCommunityForm<Field>({
    id: 'community-profile',
    initial: {
      visibility: (profile.directoryVisibility ?? 'hidden').toUpperCase(),
      pronouns: profile.pronouns ?? '',
      bio: profile.bio,
      languages: profile.languages.join(','),
      themeKeys: profile.themeKeys.join(','),
    },
    rules: {
      pronouns: (v) => (v.trim().length > 40 ? 'errors.reason.tooLong' : null),
      bio: (v) => (v.trim().length > 1000 ? 'errors.reason.tooLong' : null),
    },
  });
  const list = (value: string) => value.split(',').filter(Boolean);
  const change = (field: Field, value: string) => {
    setSaved(false);
    form.set(field, value);
  };
  const languages = [...new Set([...COMMON_LANGUAGES, ...list(form.values.languages)])];

  return (
    <>
      <p className="an-breadcrumb">
        <Link to="/profile">{t('profile.back')}</Link>
      </p>
      <PageHeading>{t('profile.title')}</PageHeading>
      <p className="an-lead">{t('profile.intro')}</p>
      <form
        className="an-form"
        noValidate
        aria-label={t('profile.title')}
        onSubmit={submit(async (values) => {
          await update({
            variables: {
              input: {
                directoryVisibility: values.visibility as DirectoryVisibility,
                pronouns: values.pronouns.trim(),
                bio: values.bio.trim(),
                languages: list(values.languages),
                themeKeys: list(values.themeKeys),
                reducedMotion,
                largerText,
              },
            },
          });
          setSaved(true);
        })}
      >
        {summary}
        <fieldset className="an-fieldset an-choices" id={form.fieldId('visibility')}>
          <legend className="an-field__label">{t('profile.visibility')}</legend>
          <div className="an-field__hint">{t('profile.visibilityHint')}</div>
          {VISIBILITIES.map((value) => (
            <label key={value} className="an-choice">
              <input
                type="radio"
                name="visibility"
                value={value}
                checked={form.values.visibility === value}
                onChange={() => change('visibility', value)}
              />
              <span>
                <strong>{t(`profile.visibilities.${value}.label`)}</strong>
                <span className="an-choice__hint">{t(`profile.visibilities.${value}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField {...form.field('pronouns')} onChange={(v) => change('pronouns', v)} label={t('profile.pronouns')} hint={t('profile.pronounsHint')} />
        <TextArea {...form.field('bio')} onChange={(v) => change('bio', v)} label={t('profile.bio')} hint={t('profile.bioHint')} />
        <CheckboxGroup
          id={form.fieldId('languages')}
          legend={t('profile.languages')}
          error={form.field('languages').error}
          value={list(form.values.languages)}
          onChange={(v) => change('languages', v.join(','))}
          options={languages.map((tag) => ({ value: tag, label: languageName(tag, tag), lang: tag }))}
        />
        <CheckboxGroup
          id={form.fieldId('themeKeys')}
          legend={t('profile.themes')}
          error={form.field('themeKeys').error}
          value={list(form.values.themeKeys)}
          onChange={(v) => change('themeKeys', v.join(','))}
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
        <fieldset className="an-fieldset an-checks">
          <legend className="an-field__label">{t('profile.accessibility')}</legend>
          <div className="an-field__hint">{t('profile.accessibilityHint')}</div>
          <ul className="an-checks__list">
            <li>
              <label className="an-check">
                <input type="checkbox" checked={reducedMotion} onChange={(e) => (setSaved(false), setReducedMotion(e.target.checked))} />
                <span>{t('profile.reducedMotion')}</span>
              </label>
            </li>
            <li>
              <label className="an-check">
                <input type="checkbox" checked={largerText} onChange={(e) => (setSaved(false), setLargerText(e.target.checked))} />
                <span>{t('profile.largerText')}</span>
              </label>
            </li>
          </ul>
        </fieldset>
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('profile.save')}
          </Button>
          <span role="status" className="an-status">
            {saved && (
              <>
                <Check className="an-icon" aria-hidden="true" focusable="false" />
                {t('profile.saved')}
              </>
            )}
          </span>
        </div>
      </form>
    </>
  );
}
