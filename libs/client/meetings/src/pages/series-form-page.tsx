import '../meetings.css';
import {
  useMeetingsCreateSeriesMutation,
  useMeetingsPlacesQuery,
  useMeetingsPreviewQuery,
  useMeetingsSeriesQuery,
  useMeetingsUpdateSeriesMutation,
  type MeetingKind,
  type MeetingMode,
  type MeetingsSeriesQuery,
  type MeetingVisibility,
} from '@anyam/client/graphql';
import { Button, describedBy, FieldFrame, Link, Notice, PageHeading, Select, Skeleton, TextField, useAnnounce, useViewer } from '@anyam/client/ui';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { RecurrenceEditor } from '../components/recurrence-editor';
import { useMeetingsErrorMessage, useMeetingsForm } from '../problems';
import { defaultRecurrence, fromRrule, toRrule, type Recurrence } from '../recurrence';
import { addDays, formatRange, localToInstant, longDay, occurrencePath, timeZones, today } from '../time';

type Field =
  | 'title'
  | 'description'
  | 'kind'
  | 'organisingHubId'
  | 'timeZone'
  | 'date'
  | 'time'
  | 'durationMinutes'
  | 'rrule'
  | 'mode'
  | 'place'
  | 'onlineUrl'
  | 'capacityInPerson'
  | 'capacityOnline'
  | 'visibility';

const KINDS: MeetingKind[] = ['regional', 'inter_hub', 'training', 'world_cafe', 'other'];
const MODES: MeetingMode[] = ['hybrid', 'online', 'in_person'];
const VISIBILITIES: MeetingVisibility[] = ['public', 'hubs'];

type Series = MeetingsSeriesQuery['meetingSeries'];

/** Create (/meetings/new) or edit (/meetings/series/:id/edit) a meeting series. */
export default function MeetingSeriesFormPage() {
  const { seriesId } = useParams();
  // The page sits behind RequireMember, so the session is known here; hubs carry viewerCanEdit.
  const places = useMeetingsPlacesQuery({ fetchPolicy: 'cache-and-network' });
  const series = useMeetingsSeriesQuery({ variables: { id: seriesId ?? '' }, skip: !seriesId });
  if (!places.data || (seriesId && !series.data)) {
    const error = places.error ?? series.error;
    return <QueryState loading={!error} error={error} retry={() => void (places.refetch(), seriesId && series.refetch())} />;
  }
  return <SeriesForm regions={places.data.regions} series={series.data?.meetingSeries ?? null} />;
}

function SeriesForm({
  regions,
  series,
}: {
  regions: NonNullable<ReturnType<typeof useMeetingsPlacesQuery>['data']>['regions'];
  series: Series | null;
}) {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [create] = useMeetingsCreateSeriesMutation();
  const [update] = useMeetingsUpdateSeriesMutation();
  const hubs = regions.flatMap((r) => r.hubs.map((h) => ({ ...h, regionId: r.id, regionName: r.name })));
  const mine = hubs.filter((h) => h.viewerCanEdit);
  const firstHub = mine[0];
  const startDate = series ? series.startLocal.slice(0, 10) : addDays(today(viewer.timeZone), 14);
  const stored = series ? fromRrule(series.rrule, startDate) : defaultRecurrence(startDate);
  const [recurrence, setRecurrence] = useState<Recurrence>(stored ?? defaultRecurrence(startDate));
  const [custom, setCustom] = useState(series !== null && stored === null);
  const [others, setOthers] = useState<string[]>(series ? series.participatingHubIds.filter((id) => id !== series.organisingHubId) : []);

  const { form, busy, submit, summary } = useMeetingsForm<Field>({
    id: 'series',
    initial: {
      title: series?.title ?? '',
      description: series?.description ?? '',
      kind: series?.kind ?? 'regional',
      organisingHubId: series?.organisingHubId ?? firstHub?.id ?? '',
      timeZone: series?.timeZone ?? firstHub?.timeZone ?? viewer.timeZone,
      date: startDate,
      time: series ? series.startLocal.slice(11, 16) : '09:00',
      durationMinutes: String(series?.durationMinutes ?? 90),
      rrule: series?.rrule ?? '',
      mode: series?.mode ?? 'hybrid',
      place: series?.place ?? '',
      onlineUrl: series?.onlineUrl ?? '',
      capacityInPerson: series?.capacityInPerson?.toString() ?? '',
      capacityOnline: series?.capacityOnline?.toString() ?? '',
      visibility: series?.visibility ?? 'public',
    },
    fields: { startLocal: 'date', regionId: 'organisingHubId', participatingHubIds: 'organisingHubId' },
    rules: {
      title: (v) => (v.trim() ? null : 'form.titleRequired'),
      organisingHubId: (v) => (v ? null : 'form.hubRequired'),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'form.dateInvalid'),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : 'form.timeInvalid'),
      durationMinutes: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10080 ? null : 'form.durationInvalid'),
      place: (v, all) => (all.mode !== 'online' && !v.trim() ? 'form.placeRequired' : null),
      onlineUrl: (v, all) =>
        all.mode !== 'in_person' && !v.trim() ? 'form.linkRequired' : v.trim() && !/^https?:\/\/\S+$/i.test(v.trim()) ? 'form.linkInvalid' : null,
      capacityInPerson: (v) => (v === '' || /^\d+$/.test(v) ? null : 'form.capacityInvalid'),
      capacityOnline: (v) => (v === '' || /^\d+$/.test(v) ? null : 'form.capacityInvalid'),
    },
  });
  const v = form.values;
  const rrule = custom ? v.rrule.trim() : toRrule(recurrence);
  const startLocal = `${v.date}T${v.time}`;

  // When the organising hub changes on a new series, its zone is the likely one.
  const organising = hubs.find((h) => h.id === v.organisingHubId);
  useEffect(() => {
    if (!series && organising) form.set('timeZone', organising.timeZone);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [organising?.id]);
  // Moving the first date moves the monthly / weekly defaults with it while the rule is still "none".
  useEffect(() => {
    if (recurrence.freq === 'none' && /^\d{4}-\d{2}-\d{2}$/.test(v.date)) setRecurrence(defaultRecurrence(v.date));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.date]);

  const zones = useMemo(() => timeZones([...new Set(hubs.map((h) => h.timeZone)), viewer.timeZone]), [hubs, viewer.timeZone]);
  const firstInstant = localToInstant(startLocal, v.timeZone);
  const at = {
    date: /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? longDay(v.date, viewer.locale) : v.date,
    time: v.time,
    zone: v.timeZone,
  };

  const onSubmit = submit(async (values) => {
    const common = {
      title: values.title.trim(),
      description: values.description.trim(),
      kind: values.kind as MeetingKind,
      timeZone: values.timeZone,
      startLocal,
      durationMinutes: Number(values.durationMinutes),
      rrule: rrule || (series ? '' : null),
      mode: values.mode as MeetingMode,
      place: values.place.trim() || null,
      onlineUrl: values.onlineUrl.trim() || null,
      participatingHubIds: [values.organisingHubId, ...others.filter((id) => id !== values.organisingHubId)],
      visibility: values.visibility as MeetingVisibility,
    };
    const capacity = (value: string) => (value === '' ? (series ? -1 : null) : Number(value));
    if (series) {
      const result = await update({
        variables: {
          input: { id: series.id, ...common, capacityInPerson: capacity(values.capacityInPerson), capacityOnline: capacity(values.capacityOnline) },
        },
      });
      const next = result.data?.updateMeetingSeries.nextOccurrences[0];
      announce(t('form.saved'));
      navigate(next ? occurrencePath(series.id, next.originalStart) : '/meetings');
      return;
    }
    const result = await create({
      variables: {
        input: {
          ...common,
          organisingHubId: values.organisingHubId,
          capacityInPerson: capacity(values.capacityInPerson),
          capacityOnline: capacity(values.capacityOnline),
        },
      },
    });
    const created = result.data?.createMeetingSeries;
    if (!created) return;
    announce(t('form.created'));
    const next = created.nextOccurrences[0];
    navigate(next ? occurrencePath(created.id, next.originalStart) : '/meetings');
  });

  if (!mine.length && !series) {
    return (
      <>
        <PageHeading>{t('form.newTitle')}</PageHeading>
        <p>{t('form.notCoordinator')}</p>
        <Link to="/meetings">{t('state.toMeetings')}</Link>
      </>
    );
  }

  const descriptionHint = t('form.descriptionHint');
  return (
    <>
      <p className="an-meetings-breadcrumb">
        <Link to="/meetings">{t('calendar.title')}</Link>
      </p>
      <PageHeading>{series ? t('form.editTitle', { title: series.title }) : t('form.newTitle')}</PageHeading>
      <p className="an-lead">{t('form.intro')}</p>
      <form className="an-form an-series-form" noValidate onSubmit={onSubmit}>
        {summary}
        <TextField {...form.field('title')} label={t('form.title')} hint={t('form.titleHint')} maxLength={200} />
        <FieldFrame id={form.fieldId('description')} label={t('form.description')} hint={descriptionHint} error={form.field('description').error}>
          <textarea
            id={form.fieldId('description')}
            className="an-input an-textarea"
            rows={4}
            value={v.description}
            aria-describedby={describedBy(form.fieldId('description'), descriptionHint, form.field('description').error)}
            onChange={(e) => form.set('description', e.target.value)}
          />
        </FieldFrame>
        <Select
          id={form.fieldId('kind')}
          label={t('form.kind')}
          value={v.kind}
          onChange={(value) => form.set('kind', value)}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <Select
          id={form.fieldId('organisingHubId')}
          label={t('form.organisingHub')}
          hint={series ? t('form.organisingHubFixed') : t('form.organisingHubHint')}
          value={v.organisingHubId}
          disabled={Boolean(series)}
          onChange={(value) => form.set('organisingHubId', value)}
          error={form.field('organisingHubId').error}
          options={(series ? hubs.filter((h) => h.id === series.organisingHubId) : mine).map((h) => ({ value: h.id, label: `${h.name} (${h.regionName})` }))}
        />
        <fieldset className="an-fieldset an-hub-choices">
          <legend>{t('form.otherHubs')}</legend>
          <p className="an-field__hint">{t('form.otherHubsHint')}</p>
          {regions.map((region) => {
            const choices = region.hubs.filter((h) => h.id !== v.organisingHubId);
            if (!choices.length) return null;
            return (
              <div key={region.id} className="an-hub-choices__region">
                <p className="an-hub-choices__name">{region.name}</p>
                {choices.map((h) => (
                  <div key={h.id} className="an-check">
                    <input
                      id={`hub-${h.id}`}
                      type="checkbox"
                      checked={others.includes(h.id)}
                      onChange={(e) => setOthers((all) => (e.target.checked ? [...all, h.id] : all.filter((id) => id !== h.id)))}
                    />
                    <label htmlFor={`hub-${h.id}`}>
                      {h.name} <span className="an-meeting__zone">· {h.timeZone}</span>
                    </label>
                  </div>
                ))}
              </div>
            );
          })}
        </fieldset>

        <fieldset className="an-fieldset">
          <legend>{t('form.whenLegend')}</legend>
          <Select
            id={form.fieldId('timeZone')}
            label={t('form.timeZone')}
            hint={t('form.timeZoneHint')}
            value={v.timeZone}
            onChange={(value) => form.set('timeZone', value)}
            error={form.field('timeZone').error}
            options={zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          />
          <div className="an-recurrence__pair">
            <TextField {...form.field('date')} type="date" label={t('form.firstDate')} />
            <TextField {...form.field('time')} type="time" label={t('form.time', { zone: v.timeZone })} />
          </div>
          <TextField {...form.field('durationMinutes')} type="number" inputMode="numeric" min={1} label={t('form.duration')} />
        </fieldset>

        {custom ? (
          <fieldset className="an-fieldset">
            <legend>{t('form.repeat')}</legend>
            <TextField {...form.field('rrule')} label={t('form.customRule')} hint={t('form.customRuleHint')} />
          </fieldset>
        ) : (
          <RecurrenceEditor value={recurrence} onChange={setRecurrence} at={at} error={form.field('rrule').error} />
        )}
        <div className="an-check">
          <input
            id="series-custom-rule"
            type="checkbox"
            checked={custom}
            onChange={(e) => {
              if (e.target.checked) form.set('rrule', toRrule(recurrence));
              else {
                const parsed = fromRrule(v.rrule, v.date);
                if (parsed) setRecurrence(parsed);
              }
              setCustom(e.target.checked);
            }}
          />
          <label htmlFor="series-custom-rule">{t('form.writeRule')}</label>
        </div>

        <Preview timeZone={v.timeZone} startLocal={startLocal} rrule={rrule} valid={Boolean(firstInstant)} duration={Number(v.durationMinutes) || 60} />

        <fieldset className="an-fieldset">
          <legend>{t('form.whereLegend')}</legend>
          <Select
            id={form.fieldId('mode')}
            label={t('form.mode')}
            value={v.mode}
            onChange={(value) => form.set('mode', value)}
            options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          />
          {v.mode !== 'online' && <TextField {...form.field('place')} label={t('form.place')} hint={t('form.placeHint')} maxLength={500} />}
          {v.mode !== 'in_person' && (
            <TextField {...form.field('onlineUrl')} type="url" inputMode="url" label={t('form.onlineUrl')} hint={t('form.onlineUrlHint')} maxLength={500} />
          )}
          {v.mode !== 'online' && (
            <TextField {...form.field('capacityInPerson')} type="number" inputMode="numeric" min={0} label={t('form.capacityInPerson')} hint={t('form.capacityHint')} />
          )}
          {v.mode !== 'in_person' && (
            <TextField {...form.field('capacityOnline')} type="number" inputMode="numeric" min={0} label={t('form.capacityOnline')} hint={t('form.capacityHint')} />
          )}
          <Select
            id={form.fieldId('visibility')}
            label={t('form.visibility')}
            value={v.visibility}
            onChange={(value) => form.set('visibility', value)}
            // "Invited" needs the invitation list, which the form does not edit: it is kept, never offered anew.
            options={[...VISIBILITIES, ...(series?.visibility === 'invited' ? (['invited'] as const) : [])].map((x) => ({ value: x, label: t(`visibility.${x}`) }))}
          />
        </fieldset>

        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {series ? t('form.save') : t('form.create')}
          </Button>
          <Link to="/meetings">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

/** The next meetings the rule gives, asked from the server (no recurrence code on the phone), in my zone and the series' zone. */
function Preview({ timeZone, startLocal, rrule, valid, duration }: { timeZone: string; startLocal: string; rrule: string; valid: boolean; duration: number }) {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const errorMessage = useMeetingsErrorMessage();
  const [input, setInput] = useState({ timeZone, startLocal, rrule });
  useEffect(() => {
    const timer = window.setTimeout(() => setInput({ timeZone, startLocal, rrule }), 400);
    return () => window.clearTimeout(timer);
  }, [timeZone, startLocal, rrule]);
  const preview = useMeetingsPreviewQuery({ variables: { input: { ...input, rrule: input.rrule || null, count: 5 } }, skip: !valid });
  const rows = preview.data?.previewMeetingOccurrences ?? [];
  const end = (start: string) => new Date(new Date(start).getTime() + duration * 60_000).toISOString();
  return (
    <section className="an-preview" aria-labelledby="preview-title" aria-live="polite" aria-busy={preview.loading}>
      <h2 id="preview-title">{t('form.preview')}</h2>
      {preview.error ? (
        <Notice tone="error">{errorMessage(preview.error).message}</Notice>
      ) : preview.loading && !preview.data ? (
        <Skeleton label={t('state.loading')} lines={3} />
      ) : rows.length === 0 ? (
        <p>{t('form.previewNone')}</p>
      ) : (
        <ol className="an-preview__list">
          {rows.map((o) => (
            <li key={o.start}>
              <span className="an-preview__mine">{formatRange(o.start, end(o.start), viewer)}</span>
              {timeZone !== viewer.timeZone && (
                <span className="an-meeting__zone">{t('occurrence.seriesZone', { time: formatRange(o.start, end(o.start), { locale: viewer.locale, timeZone }) })}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
