import '../learning.css';
import { useApolloClient } from '@apollo/client/react';
import { useSession } from '@anyam/client/account';
import {
  useLearningCohortsQuery,
  useLearningEnrolMutation,
  useLearningModuleQuery,
  useLearningWithdrawMutation,
  type LearningCohortFragment,
} from '@anyam/client/graphql';
import { Button, DateTime, Link, Notice, PageHeading, useAnnounce } from '@anyam/client/ui';
import { Check, Circle, ListChecks } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ModuleFacts, OfflineBadge, ProgressBar, QueryState, ThemeTags } from '../components/common';
import { isNetworkError, useOnline } from '../offline/connectivity';
import { offlineLessons, removeModuleOffline, type OfflineLesson, type OfflineModule } from '../offline/offline-db';
import { makeModuleAvailableOffline } from '../offline/save-module';
import { useLearningErrorMessage } from '../problems';
import { useOfflineState } from '../offline/use-offline-state';

export default function ModulePage() {
  const { slug = '' } = useParams();
  const online = useOnline();
  const offline = useOfflineState();
  const { status } = useSession();
  // Wait for the session (renewed from its cookie at start), or the page would show a visitor's view.
  const query = useLearningModuleQuery({ variables: { slug }, skip: status === 'loading' });
  const stored = offline.modules.find((m) => m.slug === slug);

  // Offline, the copy on the device is the truth (it knows the completions waiting to sync).
  if (!online && stored) return <OfflineModuleView module={stored} />;
  if (!query.data) {
    if (query.error && isNetworkError(query.error) && stored) return <OfflineModuleView module={stored} />;
    return <QueryState loading={query.loading || status === 'loading' || !offline.ready} error={query.error} retry={() => void query.refetch()} />;
  }
  return <OnlineModuleView data={query.data} storedAt={stored?.savedAt ?? null} />;
}

type ModuleData = NonNullable<ReturnType<typeof useLearningModuleQuery>['data']>;

function OnlineModuleView({ data, storedAt }: { data: ModuleData; storedAt: string | null }) {
  const { t } = useTranslation('learning');
  const { member } = useSession();
  const client = useApolloClient();
  const announce = useAnnounce();
  const online = useOnline();
  const m = data.trainingModule;
  const enrolment = m.viewerEnrolment && m.viewerEnrolment.status !== 'WITHDRAWN' ? m.viewerEnrolment : null;
  const active = enrolment && (enrolment.status === 'ENROLLED' || enrolment.status === 'COMPLETED');
  const cohorts = useLearningCohortsQuery({ variables: { moduleId: m.id } });
  const [enrol] = useLearningEnrolMutation();
  const [withdraw] = useLearningWithdrawMutation();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorMessage = useLearningErrorMessage();
  const savedOnce = useRef(false);
  const prerequisitesMet = m.prerequisites.every((p) => p.viewerCompleted);

  const saveOffline = async (announceIt: boolean) => {
    if (!member) return;
    setSaving(true);
    try {
      const count = await makeModuleAvailableOffline(client, member.id, m.slug);
      if (announceIt) announce(t('offline.saved', { count }));
    } catch {
      if (announceIt) announce(t('offline.saveFailed'), 'assertive');
    } finally {
      setSaving(false);
    }
  };

  // Enrolled: keep this module's lessons on the device, refreshed each time the page opens online.
  useEffect(() => {
    if (!active || !member || !online || savedOnce.current) return;
    savedOnce.current = true;
    void saveOffline(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, member?.id, online]);

  const run = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setProblem(null);
    try {
      await action();
      await Promise.all([client.refetchQueries({ include: ['LearningModule', 'LearningCohorts'] })]);
      announce(done);
    } catch (error) {
      const { message } = errorMessage(error);
      setProblem(message);
      announce(message, 'assertive');
    } finally {
      setBusy(null);
    }
  };

  const enrolIn = (input: { moduleId?: string; cohortId?: string }, key: string) =>
    run(
      key,
      async () => {
        const result = await enrol({ variables: { input } });
        const status = result.data?.enrol.status;
        if (status === 'ENROLLED' && member) await makeModuleAvailableOffline(client, member.id, m.slug).catch(() => 0);
      },
      t('module.enrolled'),
    );

  return (
    <>
      <p className="an-learn-crumb">
        <Link to="/learn">{t('module.breadcrumb')}</Link>
      </p>
      <PageHeading title={m.title}>
        <span lang={m.language}>{m.title}</span>
      </PageHeading>
      <ModuleFacts module={m} />
      <ThemeTags keys={m.themes} />
      {m.summary && (
        <p className="an-lead" lang={m.language}>
          {m.summary}
        </p>
      )}
      {m.authors.length > 0 && <p>{t('module.authors', { names: m.authors.map((a) => a.name).join(', ') })}</p>}
      {m.status !== 'PUBLISHED' && (
        <Notice>
          <p>{t(`module.status.${m.status}`)}</p>
        </Notice>
      )}

      <section aria-labelledby="learn-enrolment" className="an-learn-card">
        <h2 id="learn-enrolment">{t('module.yourPlace')}</h2>
        {problem && (
          <Notice tone="error" role="alert">
            <p>{problem}</p>
          </Notice>
        )}
        {!member ? (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(`/learn/modules/${m.slug}`)}`} appearance="button-primary">
              {t('module.signInToEnrol')}
            </Link>
          </p>
        ) : enrolment?.status === 'WAITLISTED' ? (
          <>
            <p>{t('module.waitlisted', { position: enrolment.waitlistPosition ?? 1 })}</p>
            <Button variant="secondary" busy={busy === 'withdraw'} onClick={() => void run('withdraw', () => withdraw({ variables: { enrolmentId: enrolment.id } }), t('module.leftWaitlist'))}>
              {t('module.leaveWaitlist')}
            </Button>
          </>
        ) : active && enrolment ? (
          <>
            <ProgressBar
              label={t('progress.label', { title: m.title })}
              done={enrolment.progress.lessonsDone}
              total={enrolment.progress.lessonsTotal}
              percent={enrolment.progress.percent}
            />
            <div className="an-actions">
              {enrolment.progress.nextLesson ? (
                <Link to={`/learn/lessons/${enrolment.progress.nextLesson.id}`} appearance="button-primary">
                  {enrolment.progress.lessonsDone === 0
                    ? t('module.start', { title: enrolment.progress.nextLesson.title })
                    : t('module.continue', { title: enrolment.progress.nextLesson.title })}
                </Link>
              ) : (
                <p>{enrolment.status === 'COMPLETED' ? t('module.completed') : t('module.allLessonsDone')}</p>
              )}
              {enrolment.status === 'COMPLETED' && (
                <Link to="/learn/my" appearance="button-secondary">
                  {t('module.seeCertificate')}
                </Link>
              )}
            </div>
            <div className="an-actions">
              {storedAt ? (
                <>
                  <OfflineBadge kind="available" />
                  <Button
                    variant="quiet"
                    onClick={() => {
                      if (!member) return;
                      void removeModuleOffline(member.id, m.id).then(() => announce(t('offline.removed')));
                    }}
                  >
                    {t('offline.remove')}
                  </Button>
                </>
              ) : (
                <Button variant="secondary" busy={saving} disabled={!online} onClick={() => void saveOffline(true)}>
                  {t('offline.make')}
                </Button>
              )}
              {enrolment.status === 'ENROLLED' && (
                <Button
                  variant="quiet"
                  busy={busy === 'withdraw'}
                  onClick={() => void run('withdraw', () => withdraw({ variables: { enrolmentId: enrolment.id } }), t('module.withdrawn'))}
                >
                  {t('module.withdraw')}
                </Button>
              )}
            </div>
          </>
        ) : (
          <>
            {!prerequisitesMet && <p>{t('module.prerequisitesFirst')}</p>}
            {m.selfPaced ? (
              <Button busy={busy === 'self'} aria-disabled={!prerequisitesMet || undefined} onClick={() => prerequisitesMet && void enrolIn({ moduleId: m.id }, 'self')}>
                {t('module.enrolSelfPaced')}
              </Button>
            ) : (
              <p>{t('module.chooseCohort')}</p>
            )}
          </>
        )}
      </section>

      {m.prerequisites.length > 0 && (
        <section aria-labelledby="learn-prereq" className="an-section">
          <h2 id="learn-prereq">{t('module.prerequisites')}</h2>
          <ul className="an-learn-lessons">
            {m.prerequisites.map((p) => (
              <li key={p.id}>
                <Link to={`/learn/modules/${p.slug}`}>{p.title}</Link>
                <span className="an-learn-lesson-info">
                  {p.viewerCompleted ? <Check className="an-icon" aria-hidden="true" /> : <Circle className="an-icon" aria-hidden="true" />}
                  {p.viewerCompleted ? t('module.prereqDone') : t('module.prereqNotYet')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="learn-lessons" className="an-section">
        <h2 id="learn-lessons">{t('module.lessons')}</h2>
        {m.lessons.length === 0 ? (
          <p>{t('module.noLessons')}</p>
        ) : (
          <ol className="an-learn-lessons">
            {m.lessons.map((lesson) => (
              <li key={lesson.id}>
                {active || m.viewerCanEdit ? (
                  <Link to={`/learn/lessons/${lesson.id}`}>
                    {lesson.position}. {lesson.title}
                  </Link>
                ) : (
                  <span className="an-learn-lesson-title">
                    {lesson.position}. {lesson.title}
                  </span>
                )}
                <span className="an-learn-lesson-info">
                  {t('lesson.minutes', { count: lesson.estimatedMinutes })}
                  {lesson.hasQuiz && (
                    <>
                      <ListChecks className="an-icon" aria-hidden="true" /> {t('lesson.hasQuiz')}
                    </>
                  )}
                  {lesson.viewerProgress?.completed && (
                    <>
                      <Check className="an-icon" aria-hidden="true" /> {t('lesson.done')}
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="learn-cohorts" className="an-section">
        <h2 id="learn-cohorts">{t('module.cohorts')}</h2>
        {m.viewerCanEdit && (
          <div className="an-actions">
            <Link to={`/learn/modules/${m.slug}/edit`} appearance="button-secondary">
              {t('module.edit')}
            </Link>
            <Link to={`/learn/modules/${m.slug}/cohorts/new`} appearance="button-secondary">
              {t('module.newCohort')}
            </Link>
          </div>
        )}
        {!cohorts.data ? (
          cohorts.error ? <p>{t('state.error')}</p> : <p>{t('state.loading')}</p>
        ) : cohorts.data.cohorts.length === 0 ? (
          <p>{m.selfPaced ? t('module.noCohortsSelfPaced') : t('module.noCohorts')}</p>
        ) : (
          <ul className="an-learn-list">
            {cohorts.data.cohorts.map((c) => (
              <CohortCard
                key={c.id}
                cohort={c}
                canEnrol={Boolean(member) && !enrolment && prerequisitesMet}
                busy={busy === c.id}
                onEnrol={() => void enrolIn({ cohortId: c.id }, c.id)}
              />
            ))}
          </ul>
        )}
      </section>

      {m.discussionThreadId && (
        <p className="an-after-form">
          <Link to={`/forum/t/${m.discussionThreadId}`}>{t('module.discussion')}</Link>
        </p>
      )}
    </>
  );
}

function CohortCard({ cohort: c, canEnrol, busy, onEnrol }: { cohort: LearningCohortFragment; canEnrol: boolean; busy: boolean; onEnrol: () => void }) {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const full = c.seatsLeft <= 0;
  return (
    <li className="an-learn-card">
      <h3>{c.name}</h3>
      <ul className="an-learn-meta">
        <li>{t('cohort.dates', { start: date(c.startsOn), end: date(c.endsOn) })}</li>
        <li>{t(`mode.${c.deliveryMode}`)}</li>
        {c.place && <li>{c.place}</li>}
      </ul>
      <p>
        <strong>{full ? t('cohort.full') : t('cohort.seatsLeft', { count: c.seatsLeft, seats: c.seats })}</strong>
        {c.waitlistCount > 0 && <> · {t('cohort.waitlist', { count: c.waitlistCount })}</>}
      </p>
      {c.enrolmentClosesAt && (
        <p>
          {t('cohort.closes')} <DateTime value={c.enrolmentClosesAt} />
        </p>
      )}
      {c.link && (
        <p>
          <a href={c.link}>{t('cohort.link')}</a>
        </p>
      )}
      <div className="an-actions">
        {canEnrol && c.enrolmentOpen && (
          <Button variant={full ? 'secondary' : 'primary'} busy={busy} onClick={onEnrol}>
            {full ? t('cohort.joinWaitlist') : t('cohort.enrol')}
          </Button>
        )}
        {!c.enrolmentOpen && <p>{t('cohort.closed')}</p>}
        {c.viewerCanManage && <Link to={`/learn/cohorts/${c.id}`}>{t('cohort.roster')}</Link>}
      </div>
    </li>
  );
}

/** Offline, from IndexedDB: the module's lessons, which are done, and a way into each. */
function OfflineModuleView({ module }: { module: OfflineModule }) {
  const { t } = useTranslation('learning');
  const offline = useOfflineState();
  const [lessons, setLessons] = useState<OfflineLesson[] | null>(null);
  useEffect(() => {
    void offlineLessons(module.memberId, module.id).then(setLessons);
  }, [module.memberId, module.id, module.savedAt]);
  const waiting = new Set(offline.pending.map((p) => p.lessonId));
  return (
    <>
      <p className="an-learn-crumb">
        <Link to="/learn">{t('module.breadcrumb')}</Link>
      </p>
      <PageHeading title={module.title}>
        <span lang={module.language}>{module.title}</span>
      </PageHeading>
      <Notice>
        <p>{t('offline.moduleNotice')}</p>
      </Notice>
      <OfflineBadge kind="available" />
      <section aria-labelledby="learn-lessons" className="an-section">
        <h2 id="learn-lessons">{t('module.lessons')}</h2>
        <ol className="an-learn-lessons">
          {(lessons ?? []).map((lesson) => (
            <li key={lesson.id}>
              <Link to={`/learn/lessons/${lesson.id}`}>
                {lesson.position}. {lesson.title}
              </Link>
              <span className="an-learn-lesson-info">
                {t('lesson.minutes', { count: lesson.estimatedMinutes })}
                {lesson.completedAt && (
                  <>
                    <Check className="an-icon" aria-hidden="true" /> {t('lesson.done')}
                  </>
                )}
                {waiting.has(lesson.id) && <OfflineBadge kind="waiting" />}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
