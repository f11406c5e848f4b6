import '../learning.css';
import { useSession } from '@anyam/client/account';
import { useLearningMyEnrolmentsQuery } from '@anyam/client/graphql';
import { DateTime, Link, PageHeading, Skeleton } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { OfflineBadge, ProgressBar, QueryState } from '../components/common';
import { isNetworkError, useOnline } from '../offline/connectivity';
import { useOfflineState } from '../offline/use-offline-state';

/**
 * Not behind RequireMember: offline, a reloaded app cannot renew the session, yet the modules kept on this
 * device are listed. Online and signed out, it sends the visitor to sign in like any member page.
 */
export default function MyLearningPage() {
  const { t } = useTranslation('learning');
  const { status } = useSession();
  const online = useOnline();
  const offline = useOfflineState();
  const query = useLearningMyEnrolmentsQuery({ skip: status !== 'signedIn' });
  if (status === 'signedOut' && online) return <Navigate to={`/sign-in?next=${encodeURIComponent('/learn/my')}`} replace />;
  if (status === 'loading') return <Skeleton label={t('state.loading')} lines={6} />;
  const offlineIds = new Set(offline.modules.map((m) => m.id));
  const waitingByModule = new Map<string, number>();
  for (const p of offline.pending) waitingByModule.set(p.moduleId, (waitingByModule.get(p.moduleId) ?? 0) + 1);

  const enrolments = (query.data?.myEnrolments ?? []).filter((e) => e.status !== 'WITHDRAWN');
  // "Continue where you left off": the enrolment with the latest activity that still has a lesson to do.
  const resume = [...enrolments]
    .filter((e) => e.status === 'ENROLLED' && e.progress.nextLesson)
    .sort((a, b) => Date.parse(b.progress.lastActivityAt ?? b.enrolledAt ?? '0') - Date.parse(a.progress.lastActivityAt ?? a.enrolledAt ?? '0'))[0];

  return (
    <>
      <PageHeading>{t('my.title')}</PageHeading>
      {!query.data ? (
        !online || (query.error && isNetworkError(query.error)) ? (
          <>
            <p>{t('my.offline')}</p>
            {offline.modules.length === 0 ? (
              <p>{t('my.nothingOffline')}</p>
            ) : (
              <ul className="an-learn-list">
                {offline.modules.map((m) => (
                  <li key={m.id} className="an-learn-card">
                    <h2>
                      <Link to={`/learn/modules/${m.slug}`}>
                        <span lang={m.language}>{m.title}</span>
                      </Link>
                    </h2>
                    <p className="an-actions">
                      <OfflineBadge kind="available" />
                      {waitingByModule.get(m.id) ? <span>{t('status.waiting', { count: waitingByModule.get(m.id) })}</span> : null}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : query.error ? (
          <QueryState loading={false} error={query.error} retry={() => void query.refetch()} />
        ) : (
          <Skeleton label={t('state.loading')} lines={6} heading={false} />
        )
      ) : enrolments.length === 0 ? (
        <p>
          {t('my.empty')} <Link to="/learn">{t('my.browse')}</Link>
        </p>
      ) : (
        <>
          {resume?.progress.nextLesson && (
            <section aria-labelledby="my-resume" className="an-learn-card">
              <h2 id="my-resume">{t('my.continueTitle')}</h2>
              <p>
                <span lang={resume.module.language}>{resume.module.title}</span>
              </p>
              <p>
                <Link to={`/learn/lessons/${resume.progress.nextLesson.id}`} appearance="button-primary">
                  {t('my.continue', { title: resume.progress.nextLesson.title })}
                </Link>
              </p>
            </section>
          )}
          <h2 className={resume ? 'an-section' : undefined}>{t('my.modules')}</h2>
          <ul className="an-learn-list">
            {enrolments.map((e) => (
              <li key={e.id} className="an-learn-card">
                <h3>
                  <Link to={`/learn/modules/${e.module.slug}`}>
                    <span lang={e.module.language}>{e.module.title}</span>
                  </Link>
                </h3>
                <p>{e.module.hub.name}</p>
                {e.status === 'WAITLISTED' ? (
                  <p>{t('module.waitlisted', { position: e.waitlistPosition ?? 1 })}</p>
                ) : (
                  <ProgressBar
                    label={t('progress.label', { title: e.module.title })}
                    done={e.progress.lessonsDone}
                    total={e.progress.lessonsTotal}
                    percent={e.progress.percent}
                  />
                )}
                <p className="an-actions">
                  {offlineIds.has(e.module.id) && <OfflineBadge kind="available" />}
                  {waitingByModule.get(e.module.id) ? <OfflineBadge kind="waiting" /> : null}
                </p>
                {e.status === 'COMPLETED' && e.completedAt && (
                  <p>
                    {t('my.completedOn')} <DateTime value={e.completedAt} />
                  </p>
                )}
                {e.certificate && (
                  <p>
                    <Link to={`/learn/certificates/${e.certificate.code}`}>{t('my.certificate')}</Link>
                  </p>
                )}
                {e.status === 'ENROLLED' && e.progress.nextLesson && (
                  <p>
                    <Link to={`/learn/lessons/${e.progress.nextLesson.id}`}>{t('my.next', { title: e.progress.nextLesson.title })}</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
