import type { MeetingsOccurrenceRowFragment } from '@anyam/client/graphql';
import { Link, useViewer } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { formatRange, occurrencePath } from '../time';

/** One meeting in a list: title, time in my zone (zone named), the series' zone when it differs, mode, my answer. */
export function OccurrenceItem({ occurrence: o, headingLevel = 3 }: { occurrence: MeetingsOccurrenceRowFragment; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const mine = formatRange(o.start, o.end, viewer);
  const theirs = o.timeZone !== viewer.timeZone ? formatRange(o.start, o.end, { locale: viewer.locale, timeZone: o.timeZone }) : null;
  return (
    <li className={`an-meeting${o.cancelled ? ' an-meeting--cancelled' : ''}`}>
      <Heading className="an-meeting__title">
        <Link to={occurrencePath(o.seriesId, o.originalStart)}>{o.title}</Link>
      </Heading>
      <p className="an-meeting__time">
        <time dateTime={o.start}>{mine}</time>
      </p>
      {theirs && <p className="an-meeting__zone">{t('occurrence.seriesZone', { time: theirs })}</p>}
      <p className="an-meeting__meta">
        <span className="an-tag">{t(`kind.${o.kind}`)}</span>
        <span className="an-tag">{t(`mode.${o.mode}`)}</span>
        {o.cancelled && <span className="an-tag an-tag--alert">{t('occurrence.cancelled')}</span>}
        {o.rescheduled && !o.cancelled && <span className="an-tag an-tag--note">{t('occurrence.rescheduled')}</span>}
        {o.viewerRsvp && (
          <span className="an-tag an-tag--mine">
            {o.viewerRsvp.waitlisted
              ? t('rsvp.waitlistedShort', { position: o.viewerRsvp.waitlistPosition ?? '?' })
              : t(`rsvp.answer.${o.viewerRsvp.response}`)}
          </span>
        )}
      </p>
    </li>
  );
}
