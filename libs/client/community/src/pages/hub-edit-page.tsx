import '../community.css';
import {
  useHubEditQuery,
  useUpdateHubMutation,
  type DeliveryMode,
  type HubEditQuery,
  type JoinPolicy,
  type Visibility,
} from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, Select, TextField } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CheckboxGroup } from '../components/checkbox-group';
import { csv, rules } from '../components/edit-rules';
import { QueryState } from '../components/query-state';
import { TextArea } from '../components/text-area';
import { ThemeDot } from '../components/themes';
import { useCommunityForm } from '../components/use-community-form';
import { countryName, groupThemes, themeName, weekdayName } from '../format';

export default function HubEditPage() {
  const { t } = useTranslation('community');
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useHubEditQuery({ variables: { slug } });
  if (!data?.hub) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.hub.viewerCanEdit) {
    return (
      <>
        <PageHeading>{t('edit.notAllowedTitle')}</PageHeading>
        <p>{t('edit.notAllowed')}</p>
        <Link to={`/hubs/${slug}`}>{t('edit.backToHub', { hub: data.hub.name })}</Link>
      </>
    );
  }
  return <HubForm hub={data.hub} themes={data.themes} />;
}

type Field =
  | 'name'
  | 'description'
  | 'city'
  | 'country'
  | 'latitude'
  | 'longitude'
  | 'timeZone'
  | 'start'
  | 'end'
  | 'weekdays'
  | 'deliveryModes'
  | 'themeKeys'
  | 'services'
  | 'joinPolicy'
  | 'stage'
  | 'visibility';

const MODES: DeliveryMode[] = ['ONLINE', 'HYBRID', 'OFFLINE'];

function HubForm({ hub, themes }: { hub: HubEditQuery['hub']; themes: HubEditQuery['themes'] }) {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const [update] = useUpdateHubMutation({ refetchQueries: ['Hub'] });
  const [saved, setSaved] = useState(false);
  const { form, busy, submit, summary } = useCommunityForm<Field>({
    id: 'hub-edit',
    initial: {
      name: hub.name,
      description: hub.description,
      city: hub.city ?? '',
      country: hub.country,
      latitude: String(hub.latitude),
      longitude: String(hub.longitude),
      timeZone: hub.timeZone,
      start: hub.workingHours.start,
      end: hub.workingHours.end,
      weekdays: hub.workingHours.weekdays.join(','),
      deliveryModes: hub.deliveryModes.join(','),
      themeKeys: hub.themes.map((th) => th.key).join(','),
      services: hub.services.join('\n'),
      joinPolicy: hub.joinPolicy,
      stage: String(hub.stage),
      visibility: hub.visibility,
    },
    rules: {
      name: rules.name,
      description: rules.description,
      country: rules.country,
      latitude: rules.latitude,
      longitude: rules.longitude,
      timeZone: rules.timeZone,
      start: rules.time,
      end: (v, all) => rules.time(v) ?? (v <= all.start ? 'errors.workingHours.invalid' : null),
      weekdays: (v) => (csv(v).length === 0 ? 'errors.weekdays.empty' : null),
    },
    fields: { workingHours: 'end', slug: 'name', hostOrganisationId: 'name', allianceId: 'name' },
  });
  const field = (name: Field) => ({
    ...form.field(name),
    onChange: (value: string) => {
      setSaved(false);
      form.set(name, value);
    },
  });
  const countryShown = rules.country(form.values.country) ? null : countryName(form.values.country, locale);

  return (
    <>
      <p className="an-breadcrumb">
        <Link to={`/hubs/${hub.slug}`}>{hub.name}</Link>
      </p>
      <PageHeading title={t('edit.hubTab', { hub: hub.name })}>{t('edit.hubTitle')}</PageHeading>
      <form
        className="an-form"
        noValidate
        aria-label={t('edit.hubTitle')}
        onSubmit={submit(async (v) => {
          await update({
            variables: {
              input: {
                id: hub.id,
                name: v.name.trim(),
                description: v.description.trim(),
                city: v.city.trim(),
                country: v.country.trim().toUpperCase(),
                latitude: Number(v.latitude.replace(',', '.')),
                longitude: Number(v.longitude.replace(',', '.')),
                timeZone: v.timeZone.trim(),
                workingHours: { start: v.start, end: v.end, weekdays: csv(v.weekdays).map(Number) },
                deliveryModes: csv(v.deliveryModes) as DeliveryMode[],
                themeKeys: csv(v.themeKeys),
                services: v.services
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
                joinPolicy: v.joinPolicy as JoinPolicy,
                stage: Number(v.stage),
                visibility: v.visibility as Visibility,
              },
            },
          });
          setSaved(true);
          navigate(`/hubs/${hub.slug}`);
        })}
      >
        {summary}
        {saved && (
          <Notice tone="success" role="status">
            <p>{t('edit.saved')}</p>
          </Notice>
        )}
        <TextField {...field('name')} label={t('edit.name')} />
        <TextArea {...field('description')} label={t('edit.description')} hint={t('edit.descriptionHint')} />
        <fieldset className="an-fieldset">
          <legend>{t('edit.place')}</legend>
          <TextField {...field('city')} label={t('edit.city')} autoComplete="off" />
          <TextField
            {...field('country')}
            label={t('edit.country')}
            hint={countryShown ? t('edit.countryIs', { country: countryShown }) : t('edit.countryHint')}
            maxLength={2}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField {...field('latitude')} label={t('edit.latitude')} hint={t('edit.latitudeHint')} inputMode="decimal" />
          <TextField {...field('longitude')} label={t('edit.longitude')} hint={t('edit.longitudeHint')} inputMode="decimal" />
        </fieldset>
        <fieldset className="an-fieldset">
          <legend>{t('edit.time')}</legend>
          <TextField {...field('timeZone')} label={t('edit.timeZone')} hint={t('edit.timeZoneHint')} spellCheck={false} />
          <div className="an-two">
            <TextField {...field('start')} type="time" label={t('edit.start')} />
            <TextField {...field('end')} type="time" label={t('edit.end')} />
          </div>
          <CheckboxGroup
            id={form.fieldId('weekdays')}
            legend={t('edit.weekdays')}
            error={form.field('weekdays').error}
            value={csv(form.values.weekdays)}
            onChange={(v) => field('weekdays').onChange(v.sort().join(','))}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d, locale, 'long') }))}
          />
        </fieldset>
        <CheckboxGroup
          id={form.fieldId('deliveryModes')}
          legend={t('hub.deliveryModes')}
          error={form.field('deliveryModes').error}
          value={csv(form.values.deliveryModes)}
          onChange={(v) => field('deliveryModes').onChange(v.join(','))}
          options={MODES.map((m) => ({ value: m, label: t(`delivery.${m}`) }))}
        />
        <CheckboxGroup
          id={form.fieldId('themeKeys')}
          legend={t('hub.themes')}
          error={form.field('themeKeys').error}
          value={csv(form.values.themeKeys)}
          onChange={(v) => field('themeKeys').onChange(v.join(','))}
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
        <TextArea {...field('services')} label={t('hub.services')} hint={t('edit.servicesHint')} rows={4} />
        <Select
          id={form.fieldId('stage')}
          label={t('hub.stage')}
          value={form.values.stage}
          error={form.field('stage').error}
          onChange={field('stage').onChange}
          options={[1, 2, 3, 4, 5, 6].map((s) => ({ value: String(s), label: `${s}. ${t(`stages.${s}`)}` }))}
        />
        <Select
          id={form.fieldId('joinPolicy')}
          label={t('edit.joinPolicy')}
          value={form.values.joinPolicy}
          onChange={field('joinPolicy').onChange}
          options={(['OPEN', 'BY_REQUEST'] as JoinPolicy[]).map((p) => ({ value: p, label: t(`joinPolicy.${p}`) }))}
        />
        <Select
          id={form.fieldId('visibility')}
          label={t('organisation.visibility')}
          value={form.values.visibility}
          onChange={field('visibility').onChange}
          options={(['PUBLIC', 'MEMBERS'] as Visibility[]).map((p) => ({ value: p, label: t(`visibility.${p}`) }))}
        />
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('edit.save')}
          </Button>
          <Link to={`/hubs/${hub.slug}`}>{t('edit.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
