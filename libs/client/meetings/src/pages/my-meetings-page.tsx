import '../meetings.css';
import { useMeetingsMineQuery } from '@anyam/client/graphql';
import { Link, PageHeading, useViewer } from '@anyam/client/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OccurrenceItem } from '../components/occurrence-item';
import { QueryState } from '../components/query-state';
import { dayKey, longDay } from '../time';

const DAYS_AHEAD = 120;

/** The meetings I answered going or maybe to, for the next four months, by day in my zone. */
export default function MyMeetingsPage() {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const range = useMemo(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + DAYS_AHEAD * 86_400_000).toISOString() };
  }, []);
  const query = useMeetingsMineQuery({ variables: range, fetchPolicy: 'cache-and-network' });

  const byDay = new Map<string, NonNullable<typeof query.data>['myMeetings']>();
  for (const o of query.data?.myMeetings ?? []) {
    const key = dayKey(o.start, viewer.timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), o]);
  }

  return (
    <>
      <p className="an-meetings-breadcrumb">
        <Link to="/meetings">{t('calendar.title')}</Link>
      </p>
      <PageHeading>{t('mine.title')}</PageHeading>
      <p className="an-lead">{t('mine.intro', { zone: viewer.timeZone })}</p>
      <p>
        <Link to="/meetings/feeds">{t('mine.feedLink')}</Link>
      </p>
      {!query.data ? (
        <QueryState loading={query.loading} error={query.error} retry={() => void query.refetch()} />
      ) : byDay.size === 0 ? (
        <p className="an-meetings-empty">
          {t('mine.empty')} <Link to="/meetings">{t('mine.browse')}</Link>
        </p>
      ) : (
        <div className="an-agenda">
          {[...byDay.entries()].map(([day, list]) => (
            <section key={day} className="an-agenda__day" aria-labelledby={`mine-${day}`}>
              <h2 id={`mine-${day}`}>{longDay(day, viewer.locale)}</h2>
              <ul className="an-meetings-list">
                {list.map((o) => (
                  <OccurrenceItem key={o.id} occurrence={o} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
