import '../meetings.css';
import { useSession } from '@anyam/client/account';
import {
  useMeetingsOccurrenceQuery,
  useMeetingsPlacesQuery,
  useMeetingsRsvpMutation,
  type MeetingsOccurrenceQuery,
  type MeetingsRsvpMutation,
  type RsvpResponse,
} from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, useAnnounce, useViewer } from '@anyam/client/ui';
import { CalendarPlus, Download } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ActionItemsSection } from '../components/action-items-section';
import { AgendaSection } from '../components/agenda-section';
import { AttendanceSection } from '../components/attendance-section';
import { ExceptionsSection } from '../components/exceptions-section';
import { MinutesSection } from '../components/minutes-section';
import { QueryState } from '../components/query-state';
import { useMeetingsErrorMessage } from '../problems';
import { formatElsewhere, formatRange } from '../time';

type Occurrence = MeetingsOccurrenceQuery['meetingOccurrence'];
type Series = MeetingsOccurrenceQuery['meetingSeries'];

export default function MeetingOccurrencePage() {
  const { t } = useTranslation('meetings');
  const { seriesId = '', start = '' } = useParams();
  // Until the session is known the answer would be a visitor's (no link, no RSVP).
  const waiting = useSession().status === 'loading';
  const query = useMeetingsOccurrenceQuery({ variables: { seriesId, start }, skip: waiting });
  const places = useMeetingsPlacesQuery({ skip: waiting });
  const viewer = useViewer();

  if (!query.data) return <QueryState loading={waiting || query.loading} error={query.error} retry={() => void query.refetch()} />;
  const o = query.data.meetingOccurrence;
  const s = query.data.meetingSeries;
  const hubs = (places.data?.regions ?? []).flatMap((r) => r.hubs.map((h) => ({ ...h, region: r })));
  const participating = s.participatingHubIds.map((id) => hubs.find((h) => h.id === id)).filter((h): h is (typeof hubs)[number] => Boolean(h));
  const organising = hubs.find((h) => h.id === s.organisingHubId);
  const region = (places.data?.regions ?? []).find((r) => r.id === s.regionId);
  const showHubTimes = o.kind === 'inter_hub' || new Set(o.hubLocalStarts.map((h) => h.timeZone)).size > 1;
  const past = new Date(o.start).getTime() <= Date.now();

  return (
    <>
      <p className="an-meetings-breadcrumb">
        <Link to="/meetings">{t('calendar.title')}</Link>
      </p>
      <PageHeading title={o.title}>{o.title}</PageHeading>
      <p className="an-meeting__meta">
        <span className="an-tag">{t(`kind.${o.kind}`)}</span>
        <span className="an-tag">{t(`mode.${o.mode}`)}</span>
        {organising && <span className="an-tag">{t('occurrence.organisedBy', { hub: organising.name })}</span>}
      </p>
      {o.cancelled && (
        <Notice tone="error">
          <p>{t('occurrence.cancelledNotice')}</p>
          {o.note && <p>{o.note}</p>}
        </Notice>
      )}
      {o.rescheduled && !o.cancelled && (
        <Notice>
          <p>{t('occurrence.rescheduledNotice', { time: formatRange(o.originalStart, new Date(new Date(o.originalStart).getTime() + s.durationMinutes * 60_000).toISOString(), viewer) })}</p>
          {o.note && <p>{o.note}</p>}
        </Notice>
      )}

      <section className="an-meetings-section" aria-labelledby="when">
        <h2 id="when">{t('occurrence.when')}</h2>
        <p className="an-meeting-when">
          <time dateTime={o.start}>{formatRange(o.start, o.end, viewer)}</time>
        </p>
        <p className="an-meeting__zone">
          {o.timeZone === viewer.timeZone
            ? t('occurrence.plannedHere')
            : t('occurrence.seriesZone', { time: formatRange(o.start, o.end, { locale: viewer.locale, timeZone: o.timeZone }) })}
        </p>
        {showHubTimes && o.hubLocalStarts.length > 0 && (
          <table className="an-hub-times">
            <caption>{t('occurrence.hubTimes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('occurrence.hub')}</th>
                <th scope="col">{t('occurrence.localTime')}</th>
              </tr>
            </thead>
            <tbody>
              {o.hubLocalStarts.map((h) => {
                const hub = hubs.find((x) => x.id === h.hubId);
                return (
                  <tr key={h.hubId}>
                    <th scope="row">
                      {h.hubName}
                      {hub && <span className="an-hub-times__place">{[hub.city, hub.country].filter(Boolean).join(', ')}</span>}
                    </th>
                    <td>
                      {formatElsewhere(o.start, { locale: viewer.locale, timeZone: h.timeZone })}
                      <span className="an-hub-times__place">{h.timeZone}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="an-meetings-section" aria-labelledby="where">
        <h2 id="where">{t('occurrence.where')}</h2>
        {o.mode !== 'online' && o.place && <p>{t('occurrence.place', { place: o.place })}</p>}
        {o.mode !== 'in_person' &&
          (o.onlineUrl ? (
            <p>
              <a href={o.onlineUrl} rel="noopener noreferrer">
                {t('occurrence.join')}
              </a>{' '}
              <span className="an-meeting__zone">{o.onlineUrl}</span>
            </p>
          ) : (
            <p>{t('occurrence.linkHidden')}</p>
          ))}
        {s.description && <p className="an-meeting-description">{s.description}</p>}
      </section>

      {!o.cancelled && !past && <RsvpSection occurrence={o} series={s} onChanged={() => void query.refetch()} />}

      <AddToCalendar occurrence={o} hubs={participating} region={region ?? null} />

      <AgendaSection occurrence={o} />
      <MinutesSection occurrence={o} />
      <ActionItemsSection occurrence={o} hubSlugs={participating.map((h) => h.slug)} />
      {o.viewerCanEdit && past && <AttendanceSection occurrence={o} hubSlugs={participating.map((h) => h.slug)} />}
      {o.viewerCanEdit && (
        <ExceptionsSection occurrence={o} series={s} onChanged={() => void query.refetch()} />
      )}
    </>
  );
}

const RESPONSES: RsvpResponse[] = ['going_in_person', 'going_online', 'maybe', 'not_going'];

function RsvpSection({ occurrence: o, series: s, onChanged }: { occurrence: Occurrence; series: Series; onChanged: () => void }) {
  const { t } = useTranslation('meetings');
  const { member } = useSession();
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const [rsvp, { loading }] = useMeetingsRsvpMutation();
  const [wholeSeries, setWholeSeries] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<RsvpResponse | null>(null);
  const checkboxId = useId();
  const current = o.viewerRsvp;
  const offered = (r: RsvpResponse) => (r === 'going_in_person' ? o.mode !== 'online' : r === 'going_online' ? o.mode !== 'in_person' : true);

  const seats = (left: number | null, capacity: number | null) =>
    left === null ? t('rsvp.noLimit') : left === 0 ? t('rsvp.full') : capacity !== null ? t('rsvp.seatsLeftOf', { count: left, capacity }) : t('rsvp.seatsLeft', { count: left });

  const answer = async (response: RsvpResponse) => {
    setError(null);
    setPending(response);
    try {
      const result = await rsvp({
        variables: {
          input: wholeSeries ? { seriesId: o.seriesId, wholeSeries: true, response } : { seriesId: o.seriesId, occurrenceStart: o.originalStart, response },
        },
        // The answer shows at once; the server's (a waitlist place, new seats) replaces it when it arrives.
        optimisticResponse: {
          rsvp: {
            __typename: 'Rsvp',
            seriesId: o.seriesId,
            occurrenceStart: wholeSeries ? null : o.originalStart,
            response,
            waitlisted: false,
            waitlistPosition: null,
          } as MeetingsRsvpMutation['rsvp'],
        },
        update: (cache, { data }) => {
          if (!data) return;
          cache.modify({
            id: cache.identify({ __typename: 'MeetingOccurrence', id: o.id }),
            fields: { viewerRsvp: () => data.rsvp },
          });
        },
      });
      const saved = result.data?.rsvp;
      announce(
        saved?.waitlisted
          ? t('rsvp.savedWaitlisted', { position: saved.waitlistPosition ?? '?' })
          : t('rsvp.saved', { answer: t(`rsvp.answer.${response}`) }),
      );
      onChanged();
    } catch (e) {
      setError(errorMessage(e).message);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="an-meetings-section an-rsvp" aria-labelledby="rsvp">
      <h2 id="rsvp">{t('rsvp.title')}</h2>
      <ul className="an-rsvp__seats">
        {o.mode !== 'online' && <li>{t('rsvp.inPersonSeats', { seats: seats(o.seatsLeftInPerson, s.capacityInPerson) })}</li>}
        {o.mode !== 'in_person' && <li>{t('rsvp.onlineSeats', { seats: seats(o.seatsLeftOnline, s.capacityOnline) })}</li>}
      </ul>
      {!member ? (
        <p>
          <Link to="/sign-in">{t('rsvp.signIn')}</Link>
        </p>
      ) : !o.viewerCanRsvp ? (
        <p>{t('rsvp.notAllowed')}</p>
      ) : (
        <>
          <p role="status" className="an-rsvp__current">
            {current
              ? current.waitlisted
                ? t('rsvp.currentWaitlisted', { answer: t(`rsvp.answer.${current.response}`), position: current.waitlistPosition ?? '?' })
                : t(current.occurrenceStart ? 'rsvp.current' : 'rsvp.currentSeries', { answer: t(`rsvp.answer.${current.response}`) })
              : t('rsvp.none')}
          </p>
          <div className="an-rsvp__buttons" role="group" aria-label={t('rsvp.title')}>
            {RESPONSES.filter(offered).map((r) => (
              <Button
                key={r}
                variant={current?.response === r ? 'primary' : 'secondary'}
                aria-pressed={current?.response === r}
                busy={loading && pending === r}
                onClick={() => void answer(r)}
              >
                {t(`rsvp.action.${r}`)}
              </Button>
            ))}
          </div>
          <div className="an-check">
            <input id={checkboxId} type="checkbox" checked={wholeSeries} onChange={(e) => setWholeSeries(e.target.checked)} />
            <label htmlFor={checkboxId}>{t('rsvp.wholeSeries')}</label>
          </div>
          {error && (
            <Notice tone="error" role="alert">
              {error}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}

function AddToCalendar({
  occurrence: o,
  hubs,
  region,
}: {
  occurrence: Occurrence;
  hubs: Array<{ id: string; slug: string; name: string }>;
  region: { slug: string; name: string } | null;
}) {
  const { t } = useTranslation('meetings');
  const { member } = useSession();
  const fileName = `${o.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meeting'}.ics`;
  return (
    <section className="an-meetings-section" aria-labelledby="calendar">
      <h2 id="calendar">{t('ics.title')}</h2>
      {o.icsPath ? (
        <p>
          <a href={o.icsPath} download={fileName} className="an-button an-button--secondary">
            <Download className="an-icon" aria-hidden="true" focusable="false" />
            {t('ics.download')}
          </a>
        </p>
      ) : (
        <p>{t('ics.privateOnly')}</p>
      )}
      <ul className="an-feed-links">
        {member && (
          <li>
            <Link to="/meetings/feeds">
              <CalendarPlus className="an-icon" aria-hidden="true" focusable="false" /> {t('ics.myFeed')}
            </Link>
          </li>
        )}
        {hubs.map((h) => (
          <li key={h.id}>
            <a href={`/ical/hubs/${h.slug}.ics`}>{t('calendar.hubFeed', { name: h.name })}</a>
          </li>
        ))}
        {region && (
          <li>
            <a href={`/ical/regions/${region.slug}.ics`}>{t('calendar.regionFeed', { name: region.name })}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
