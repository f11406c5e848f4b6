import '../learning.css';
import { useApolloClient } from '@apollo/client/react';
import { useSession } from '@anyam/client/account';
import {
  useLearningCompleteLessonMutation,
  useLearningLessonQuery,
  useLearningSubmitQuizMutation,
  type LearningSubmitQuizMutation,
} from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, useAnnounce } from '@anyam/client/ui';
import { ArrowLeft, ArrowRight, Check, Download } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { OfflineBadge, QueryState } from '../components/common';
import { downloadFile } from '../access';
import { formatBytes, neighbours } from '../format';
import { isNetworkError, useOnline } from '../offline/connectivity';
import {
  markLessonCompleteOffline,
  offlineLesson,
  offlineModule,
  progressQueue,
  refreshLessonOffline,
  type OfflineLesson,
  type OfflineModule,
  type OfflineQuizQuestion,
  type OfflineResource,
} from '../offline/offline-db';
import { toOfflineLesson } from '../offline/save-module';
import { useOfflineMemberId, useOfflineState } from '../offline/use-offline-state';
import { useLearningErrorMessage } from '../problems';

/** What the reader shows, whether it came from the API or from IndexedDB. */
interface ReaderLesson {
  id: string;
  moduleId: string;
  position: number;
  title: string;
  contentHtml: string;
  estimatedMinutes: number;
  resources: OfflineResource[];
  quiz: { passMark: number; questions: OfflineQuizQuestion[] } | null;
  completedAt: string | null;
  previousId: string | null;
  nextId: string | null;
  lessonTotal: number | null;
  module: { slug: string; title: string; language: string };
}

function fromOffline(lesson: OfflineLesson, module: OfflineModule): ReaderLesson {
  const { previous, next } = neighbours(module.lessonIds, lesson.id);
  return {
    ...lesson,
    previousId: previous,
    nextId: next,
    lessonTotal: module.lessonIds.length,
    module: { slug: module.slug, title: module.title, language: module.language },
  };
}

/** The lesson from IndexedDB, for when the API cannot be reached. */
function useStoredLesson(memberId: string | null, lessonId: string) {
  const [stored, setStored] = useState<{ lesson: OfflineLesson; module: OfflineModule } | null | undefined>(undefined);
  const offline = useOfflineState();
  useEffect(() => {
    if (!memberId) {
      setStored(null);
      return;
    }
    let live = true;
    void (async () => {
      try {
        const lesson = await offlineLesson(memberId, lessonId);
        const module = lesson ? await offlineModule(memberId, lesson.moduleId) : undefined;
        if (live) setStored(lesson && module ? { lesson, module } : null);
      } catch {
        if (live) setStored(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [memberId, lessonId, offline.modules, offline.pending]);
  return stored;
}

export default function LessonPage() {
  const { lessonId = '' } = useParams();
  const online = useOnline();
  const memberId = useOfflineMemberId();
  const { status } = useSession();
  // Wait for the session (renewed from its cookie at start): asked as a visitor, the lesson has no content.
  const query = useLearningLessonQuery({ variables: { id: lessonId }, skip: status === 'loading' });
  const stored = useStoredLesson(memberId, lessonId);
  const l = query.data?.lesson;

  // Keep the stored copy of a module kept offline as fresh as what we just read.
  useEffect(() => {
    if (!l || !memberId || !l.viewerCanRead) return;
    void refreshLessonOffline(memberId, l.moduleId, toOfflineLesson(l)).catch(() => undefined);
  }, [l, memberId]);

  if (l && l.viewerCanRead) {
    const lesson: ReaderLesson = {
      ...toOfflineLesson(l),
      moduleId: l.moduleId,
      previousId: l.previousLessonId,
      nextId: l.nextLessonId,
      lessonTotal: l.module.lessonCount,
      module: l.module,
    };
    return <Reader lesson={lesson} source="api" quizState={l.quiz} />;
  }
  if (l && !l.viewerCanRead) return <NotEnrolled title={l.title} moduleSlug={l.module.slug} />;
  const unreachable = !online || (query.error && isNetworkError(query.error));
  if (unreachable && stored) return <Reader lesson={fromOffline(stored.lesson, stored.module)} source="device" quizState={null} />;
  if (unreachable && stored === null) return <NotOffline />;
  return <QueryState loading={query.loading || status === 'loading' || stored === undefined} error={query.error} retry={() => void query.refetch()} />;
}

function NotEnrolled({ title, moduleSlug }: { title: string; moduleSlug: string }) {
  const { t } = useTranslation('learning');
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{t('lesson.enrolFirst')}</p>
      <p>
        <Link to={`/learn/modules/${moduleSlug}`} appearance="button-primary">
          {t('lesson.toModule')}
        </Link>
      </p>
    </>
  );
}

function NotOffline() {
  const { t } = useTranslation('learning');
  return (
    <>
      <PageHeading>{t('lesson.notOfflineTitle')}</PageHeading>
      <p>{t('lesson.notOffline')}</p>
      <p>
        <Link to="/learn/my">{t('nav.myLearning')}</Link>
      </p>
    </>
  );
}

type QuizState = NonNullable<NonNullable<ReturnType<typeof useLearningLessonQuery>['data']>['lesson']['quiz']>;

function Reader({ lesson, source, quizState }: { lesson: ReaderLesson; source: 'api' | 'device'; quizState: QuizState | null }) {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  const client = useApolloClient();
  const { member } = useSession();
  const memberId = useOfflineMemberId();
  const online = useOnline();
  const announce = useAnnounce();
  const offline = useOfflineState();
  const errorMessage = useLearningErrorMessage();
  const [complete] = useLearningCompleteLessonMutation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = offline.pending.some((p) => p.lessonId === lesson.id);
  const storedModule = offline.modules.find((m) => m.id === lesson.moduleId);
  const done = Boolean(lesson.completedAt) || waiting;

  const queueCompletion = async (completedAt: string) => {
    if (!memberId) throw new Error('no member');
    await progressQueue.enqueue({ memberId, lessonId: lesson.id, moduleId: lesson.moduleId, completedAt });
    await markLessonCompleteOffline(memberId, lesson.id, completedAt);
    announce(t('lesson.completedOffline'));
  };

  const markComplete = async () => {
    setBusy(true);
    setProblem(null);
    // The time on this device, so a completion sent later keeps its real place in the order.
    const completedAt = new Date().toISOString();
    try {
      if (!online || source === 'device' || !member) {
        await queueCompletion(completedAt);
        return;
      }
      try {
        await complete({ variables: { input: { lessonId: lesson.id, completedAt } } });
        if (memberId) await markLessonCompleteOffline(memberId, lesson.id, completedAt).catch(() => undefined);
        await client.refetchQueries({ include: ['LearningLesson'] });
        announce(t('lesson.completedAnnounce'));
      } catch (error) {
        if (isNetworkError(error)) await queueCompletion(completedAt);
        else throw error;
      }
    } catch (error) {
      const { message } = errorMessage(error);
      setProblem(message);
      announce(message, 'assertive');
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby="lesson-title">
      <p className="an-learn-crumb">
        <Link to={`/learn/modules/${lesson.module.slug}`}>
          <span lang={lesson.module.language}>{lesson.module.title}</span>
        </Link>
      </p>
      <PageHeading title={lesson.title}>
        <span id="lesson-title" lang={lesson.module.language}>
          {lesson.title}
        </span>
      </PageHeading>
      <ul className="an-learn-meta">
        <li>
          {lesson.lessonTotal
            ? t('lesson.positionOf', { position: lesson.position, total: lesson.lessonTotal })
            : t('lesson.position', { position: lesson.position })}
        </li>
        <li>{t('lesson.minutes', { count: lesson.estimatedMinutes })}</li>
      </ul>
      {(source === 'device' || storedModule) && (
        <p>
          <OfflineBadge kind="available" />
        </p>
      )}
      {source === 'device' && (
        <Notice>
          <p>{t('lesson.readingOffline')}</p>
        </Notice>
      )}

      {/* Sanitised on the server (Markdown → HTML through an allowlist); never HTML typed in this browser. */}
      <div className="an-learn-content" lang={lesson.module.language} dangerouslySetInnerHTML={{ __html: lesson.contentHtml }} />

      {lesson.resources.length > 0 && (
        <section aria-labelledby="lesson-resources" className="an-section">
          <h2 id="lesson-resources">{t('lesson.resources')}</h2>
          {!online && <p>{t('lesson.resourcesOffline')}</p>}
          <ul className="an-learn-resources">
            {lesson.resources.map((r) => (
              <li key={r.id}>
                <Button
                  variant="secondary"
                  disabled={!online}
                  onClick={() => void downloadFile(r.url, r.name).catch(() => announce(t('lesson.downloadFailed'), 'assertive'))}
                >
                  <Download className="an-icon" aria-hidden="true" focusable="false" />
                  {t('lesson.download', { name: r.name })}
                </Button>
                <span>
                  {formatBytes(r.sizeBytes, locale)} · {r.mimeType}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {lesson.quiz && (
        <Quiz lessonId={lesson.id} questions={lesson.quiz.questions} passMark={lesson.quiz.passMark} state={quizState} available={online && source === 'api'} />
      )}

      <section aria-labelledby="lesson-progress" className="an-section">
        <h2 id="lesson-progress">{t('lesson.yourProgress')}</h2>
        {problem && (
          <Notice tone="error" role="alert">
            <p>{problem}</p>
          </Notice>
        )}
        {done ? (
          <p className="an-actions">
            <span className="an-status">
              <Check className="an-icon" aria-hidden="true" focusable="false" />
              {t('lesson.completed')}
            </span>
            {waiting && <OfflineBadge kind="waiting" />}
          </p>
        ) : (
          <Button busy={busy} onClick={() => void markComplete()}>
            {t('lesson.markComplete')}
          </Button>
        )}
      </section>

      <nav className="an-learn-pager" aria-label={t('lesson.pager')}>
        {lesson.previousId ? (
          <Link to={`/learn/lessons/${lesson.previousId}`} rel="prev">
            <ArrowLeft className="an-icon" aria-hidden="true" focusable="false" />
            {t('lesson.previous')}
          </Link>
        ) : (
          <span />
        )}
        {lesson.nextId ? (
          <Link to={`/learn/lessons/${lesson.nextId}`} rel="next">
            {t('lesson.next')}
            <ArrowRight className="an-icon" aria-hidden="true" focusable="false" />
          </Link>
        ) : (
          <Link to={`/learn/modules/${lesson.module.slug}`}>{t('lesson.backToModule')}</Link>
        )}
      </nav>
    </article>
  );
}

type Attempt = LearningSubmitQuizMutation['submitQuiz'];

function Quiz({
  lessonId,
  questions,
  passMark,
  state,
  available,
}: {
  lessonId: string;
  questions: OfflineQuizQuestion[];
  passMark: number;
  state: QuizState | null;
  available: boolean;
}) {
  const { t } = useTranslation('learning');
  const announce = useAnnounce();
  const client = useApolloClient();
  const errorMessage = useLearningErrorMessage();
  const [submit] = useLearningSubmitQuizMutation();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();
  const results = new Map((attempt?.results ?? []).map((r) => [r.questionId, r]));
  const attemptsLeft = attempt ? attempt.attemptsLeft : (state?.viewerAttemptsLeft ?? null);
  const noAttempts = attemptsLeft !== null && attemptsLeft <= 0;
  const passed = attempt?.passed ?? state?.viewerPassed ?? false;

  const choose = (question: OfflineQuizQuestion, optionId: string, checked: boolean) => {
    setAnswers((current) => {
      const now = current[question.id] ?? [];
      const next = question.multiple ? (checked ? [...now, optionId] : now.filter((id) => id !== optionId)) : [optionId];
      return { ...current, [question.id]: next };
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const unanswered = questions.filter((q) => !(answers[q.id]?.length));
    if (unanswered.length) {
      const message = t('quiz.answerAll', { count: unanswered.length });
      setProblem(message);
      announce(message, 'assertive');
      document.getElementById(`${formId}-${unanswered[0].id}-0`)?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await submit({
        variables: { input: { lessonId, answers: questions.map((q) => ({ questionId: q.id, optionIds: answers[q.id] ?? [] })) } },
      });
      const graded = result.data?.submitQuiz ?? null;
      setAttempt(graded);
      if (graded) {
        announce(graded.passed ? t('quiz.passedAnnounce', { score: graded.score }) : t('quiz.failedAnnounce', { score: graded.score, passMark: graded.passMark }));
        document.getElementById(`${formId}-result`)?.focus();
      }
      await client.refetchQueries({ include: ['LearningLesson'] });
    } catch (error) {
      const { message } = errorMessage(error);
      setProblem(message);
      announce(message, 'assertive');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${formId}-title`} className="an-section an-learn-quiz">
      <h2 id={`${formId}-title`}>{t('quiz.title')}</h2>
      <p>
        {t('quiz.passMark', { passMark })}
        {state && state.viewerBestScore !== null && <> · {t('quiz.best', { score: state.viewerBestScore })}</>}
        {attemptsLeft !== null && <> · {t('quiz.attemptsLeft', { count: attemptsLeft })}</>}
      </p>
      {!available && (
        <Notice>
          <p>{t('quiz.needsConnection')}</p>
        </Notice>
      )}
      {attempt && (
        <div id={`${formId}-result`} tabIndex={-1}>
          <Notice tone={attempt.passed ? 'success' : 'error'}>
            <p>
              {attempt.passed
                ? t('quiz.passed', { score: attempt.score })
                : t('quiz.failed', { score: attempt.score, passMark: attempt.passMark })}
            </p>
          </Notice>
        </div>
      )}
      {!attempt && passed && (
        <Notice tone="success">
          <p>{t('quiz.alreadyPassed')}</p>
        </Notice>
      )}
      {problem && (
        <Notice tone="error" role="alert">
          <p>{problem}</p>
        </Notice>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {questions.map((q, qi) => {
          const result = results.get(q.id);
          return (
            <fieldset key={q.id}>
              <legend>
                {qi + 1}. {q.prompt}
                {q.multiple && <span className="an-field__hint"> {t('quiz.chooseAll')}</span>}
              </legend>
              {q.options.map((o, oi) => (
                <label key={o.id} className="an-learn-option">
                  <input
                    id={`${formId}-${q.id}-${oi}`}
                    type={q.multiple ? 'checkbox' : 'radio'}
                    name={`${formId}-${q.id}`}
                    value={o.id}
                    checked={(answers[q.id] ?? []).includes(o.id)}
                    disabled={!available}
                    onChange={(event) => choose(q, o.id, event.target.checked)}
                  />
                  <span>
                    {o.text}
                    {result?.correctOptionIds?.includes(o.id) && <strong> — {t('quiz.rightAnswer')}</strong>}
                  </span>
                </label>
              ))}
              {result && (
                <div className={`an-learn-feedback${result.correct ? '' : ' an-learn-feedback--wrong'}`}>
                  <p>
                    <strong>{result.correct ? t('quiz.correct') : t('quiz.incorrect')}</strong>
                  </p>
                  {result.feedback.filter(Boolean).map((f, i) => (
                    <p key={i}>{f}</p>
                  ))}
                  {result.explanation && <p>{result.explanation}</p>}
                </div>
              )}
            </fieldset>
          );
        })}
        {available && !noAttempts && !passed && (
          <Button type="submit" busy={busy}>
            {attempt ? t('quiz.tryAgain') : t('quiz.submit')}
          </Button>
        )}
        {noAttempts && !passed && <p>{t('quiz.noAttempts')}</p>}
      </form>
    </section>
  );
}
