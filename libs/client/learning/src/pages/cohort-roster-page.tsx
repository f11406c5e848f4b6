import '../learning.css';
import { useLearningCohortRosterQuery } from '@anyam/client/graphql';
import { PageHeading } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProgressBar, QueryState } from '../components/common';

export default function CohortRosterPage() {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { cohortId = '' } = useParams();
  const query = useLearningCohortRosterQuery({ variables: { cohortId } });
  if (!query.data) return <QueryState loading={query.loading} error={query.error} retry={() => void query.refetch()} />;
  const entries = query.data.cohortRoster;
  const c = entries[0]?.cohort ?? null;
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const enrolled = entries.filter((e) => e.status !== 'WAITLISTED');
  const waitlist = entries.filter((e) => e.status === 'WAITLISTED');
  return (
    <>
      <PageHeading title={c ? `${t('roster.title')} · ${c.name}` : t('roster.title')}>{t('roster.title')}</PageHeading>
      {c && (
        <>
          <p className="an-lead">{c.name}</p>
          <ul className="an-learn-meta">
            <li>{t('cohort.dates', { start: date(c.startsOn), end: date(c.endsOn) })}</li>
            <li>{t('cohort.seatsTaken', { taken: c.seatsTaken, seats: c.seats })}</li>
            <li>{t('cohort.waitlist', { count: c.waitlistCount })}</li>
          </ul>
        </>
      )}
      <section aria-labelledby="roster-enrolled">
        <h2 id="roster-enrolled">{t('roster.enrolled', { count: enrolled.length })}</h2>
        {enrolled.length === 0 ? (
          <p>{t('roster.empty')}</p>
        ) : (
          <div className="an-learn-table-wrap" role="region" aria-labelledby="roster-enrolled" tabIndex={0}>
            <table className="an-learn-table">
              <thead>
                <tr>
                  <th scope="col">{t('roster.member')}</th>
                  <th scope="col">{t('roster.status')}</th>
                  <th scope="col">{t('roster.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {enrolled.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.member.name}</th>
                    <td>{t(`enrolmentStatus.${e.status}`)}</td>
                    <td>
                      <ProgressBar
                        label={t('roster.progressOf', { name: e.member.name })}
                        done={e.progress.lessonsDone}
                        total={e.progress.lessonsTotal}
                        percent={e.progress.percent}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {waitlist.length > 0 && (
        <section aria-labelledby="roster-waitlist" className="an-section">
          <h2 id="roster-waitlist">{t('roster.waitlist')}</h2>
          <ol>
            {waitlist.map((e) => (
              <li key={e.id}>{e.member.name}</li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
