import '../learning.css';
import {
  useLearningAddLessonMutation,
  useLearningLessonEditorQuery,
  useLearningModuleEditorQuery,
  useLearningUpdateLessonMutation,
  type QuizInput,
} from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, TextField, useAnnounce } from '@anyam/client/ui';
import MarkdownIt from 'markdown-it';
import { Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryState } from '../components/common';
import { LessonResourcesEditor } from '../components/lesson-resources-editor';
import { TextArea } from '../components/text-area';
import { useLearningForm } from '../problems';
import { NotAllowed } from './module-edit-page';

// Raw HTML off: what is typed shows as text; links with javascript: and the like are refused by markdown-it.
// The server renders and sanitises the real lesson; this is only a preview.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

interface OptionDraft {
  label: string;
  correct: boolean;
  feedback: string;
}
interface QuestionDraft {
  prompt: string;
  kind: 'SINGLE' | 'MULTIPLE';
  explanation: string;
  options: OptionDraft[];
}

const blankQuestion = (): QuestionDraft => ({
  prompt: '',
  kind: 'SINGLE',
  explanation: '',
  options: [
    { label: '', correct: true, feedback: '' },
    { label: '', correct: false, feedback: '' },
  ],
});

/** `/learn/modules/:slug/lessons/new` adds a lesson; `/learn/lessons/:lessonId/edit` edits one (Markdown with preview, quiz). */
export default function LessonEditPage() {
  const { slug, lessonId } = useParams();
  const moduleQuery = useLearningModuleEditorQuery({ variables: { slug: slug ?? '' }, skip: !slug });
  const lessonQuery = useLearningLessonEditorQuery({ variables: { id: lessonId ?? '' }, skip: !lessonId, fetchPolicy: 'network-only' });
  if (slug && !moduleQuery.data) return <QueryState loading={moduleQuery.loading} error={moduleQuery.error} retry={() => void moduleQuery.refetch()} />;
  if (lessonId && !lessonQuery.data) return <QueryState loading={lessonQuery.loading} error={lessonQuery.error} retry={() => void lessonQuery.refetch()} />;
  const lesson = lessonQuery.data?.lesson ?? null;
  const module = lesson ? lesson.module : moduleQuery.data!.trainingModule;
  const canEdit = lesson ? lesson.viewerCanEdit : moduleQuery.data!.trainingModule.viewerCanEdit;
  if (!canEdit) return <NotAllowed />;
  return <LessonForm key={lesson?.id ?? 'new'} module={module} lesson={lesson} />;
}

type EditorLesson = NonNullable<ReturnType<typeof useLearningLessonEditorQuery>['data']>['lesson'];

function LessonForm({ module, lesson }: { module: { id: string; slug: string; title: string }; lesson: EditorLesson | null }) {
  const { t } = useTranslation('learning');
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [add] = useLearningAddLessonMutation();
  const [update] = useLearningUpdateLessonMutation();
  const [preview, setPreview] = useState(false);
  const [hasQuiz, setHasQuiz] = useState(Boolean(lesson?.quizAnswerKey?.length));
  const [questions, setQuestions] = useState<QuestionDraft[]>(
    lesson?.quizAnswerKey?.map((q) => ({
      prompt: q.prompt,
      kind: q.kind,
      explanation: q.explanation,
      options: q.options.map((o) => ({ label: o.label, correct: o.correct, feedback: o.feedback })),
    })) ?? [blankQuestion()],
  );

  const { form, busy, submit, summary } = useLearningForm<'title' | 'estimatedMinutes' | 'contentMarkdown' | 'passMark' | 'attemptsAllowed'>({
    id: 'lesson',
    initial: {
      title: lesson?.title ?? '',
      estimatedMinutes: String(lesson?.estimatedMinutes ?? 10),
      contentMarkdown: lesson?.contentMarkdown ?? '',
      passMark: String(lesson?.quiz?.passMark ?? 70),
      attemptsAllowed: lesson?.quiz?.attemptsAllowed ? String(lesson.quiz.attemptsAllowed) : '',
    },
    rules: {
      title: (v) => (v.trim() ? null : 'rules.titleRequired'),
      estimatedMinutes: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1440 ? null : 'rules.minutesInvalid'),
      passMark: (v) => (!hasQuiz || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100) ? null : 'rules.passMarkInvalid'),
      attemptsAllowed: (v) => (!hasQuiz || v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 20) ? null : 'rules.attemptsInvalid'),
    },
    fields: { 'quiz.passMark': 'passMark', 'quiz.attemptsAllowed': 'attemptsAllowed' },
  });
  const html = useMemo(() => (preview ? markdown.render(form.values.contentMarkdown) : ''), [preview, form.values.contentMarkdown]);

  const quizInput = (values: Record<string, string>): QuizInput => ({
    passMark: Number(values.passMark),
    attemptsAllowed: values.attemptsAllowed ? Number(values.attemptsAllowed) : null,
    questions: questions.map((q) => ({
      prompt: q.prompt.trim(),
      kind: q.kind,
      explanation: q.explanation.trim(),
      options: q.options.map((o) => ({ label: o.label.trim(), correct: o.correct, feedback: o.feedback.trim() })),
    })),
  });

  const onSubmit = submit(async (values) => {
    const base = { title: values.title.trim(), estimatedMinutes: Number(values.estimatedMinutes), contentMarkdown: values.contentMarkdown };
    if (lesson) {
      await update({
        variables: { input: { id: lesson.id, ...base, ...(hasQuiz ? { quiz: quizInput(values) } : lesson.quizAnswerKey?.length ? { removeQuiz: true } : {}) } },
      });
    } else {
      await add({ variables: { input: { moduleId: module.id, ...base, ...(hasQuiz ? { quiz: quizInput(values) } : {}) } } });
    }
    announce(t('lessonEdit.saved'));
    navigate(`/learn/modules/${module.slug}/edit`);
  });

  const setQuestion = (index: number, change: Partial<QuestionDraft>) =>
    setQuestions((now) => now.map((q, i) => (i === index ? { ...q, ...change } : q)));
  const setOption = (qi: number, oi: number, change: Partial<OptionDraft>) =>
    setQuestions((now) =>
      now.map((q, i) => {
        if (i !== qi) return q;
        const options = q.options.map((o, j) => {
          if (j === oi) return { ...o, ...change };
          // One right answer in a single-choice question.
          if (change.correct && q.kind === 'SINGLE') return { ...o, correct: false };
          return o;
        });
        return { ...q, options };
      }),
    );

  return (
    <>
      <p className="an-learn-crumb">
        <Link to={`/learn/modules/${module.slug}/edit`}>{module.title}</Link>
      </p>
      <PageHeading>{lesson ? t('lessonEdit.titleEdit') : t('lessonEdit.titleNew')}</PageHeading>
      <form className="an-form" noValidate onSubmit={onSubmit}>
        {summary}
        <TextField {...form.field('title')} label={t('edit.title')} maxLength={200} />
        <TextField {...form.field('estimatedMinutes')} label={t('lessonEdit.minutes')} inputMode="numeric" />
        {preview ? (
          <div className="an-field">
            <span className="an-field__label">{t('lessonEdit.content')}</span>
            <div className="an-learn-preview an-learn-content" role="region" aria-label={t('lessonEdit.previewLabel')} dangerouslySetInnerHTML={{ __html: html || '<p>—</p>' }} />
          </div>
        ) : (
          <TextArea {...form.field('contentMarkdown')} label={t('lessonEdit.content')} hint={t('lessonEdit.contentHint')} rows={14} className="an-learn-textarea" />
        )}
        <div>
          <Button variant="secondary" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
            {preview ? t('lessonEdit.edit') : t('lessonEdit.preview')}
          </Button>
        </div>

        <fieldset className="an-learn-checks">
          <legend>{t('quiz.title')}</legend>
          <label>
            <input type="checkbox" checked={hasQuiz} onChange={(e) => setHasQuiz(e.target.checked)} />
            {t('lessonEdit.hasQuiz')}
          </label>
        </fieldset>
        {hasQuiz && (
          <>
            <TextField {...form.field('passMark')} label={t('lessonEdit.passMark')} inputMode="numeric" />
            <TextField {...form.field('attemptsAllowed')} label={t('lessonEdit.attempts')} hint={t('lessonEdit.attemptsHint')} inputMode="numeric" />
            {questions.map((q, qi) => (
              <fieldset key={qi} className="an-learn-card">
                <legend>{t('lessonEdit.question', { number: qi + 1 })}</legend>
                <TextArea id={`q-${qi}-prompt`} label={t('lessonEdit.prompt')} value={q.prompt} onChange={(v) => setQuestion(qi, { prompt: v })} rows={2} />
                <Select
                  id={`q-${qi}-kind`}
                  label={t('lessonEdit.kind')}
                  value={q.kind}
                  onChange={(v) => setQuestion(qi, { kind: v as QuestionDraft['kind'] })}
                  options={[
                    { value: 'SINGLE', label: t('lessonEdit.single') },
                    { value: 'MULTIPLE', label: t('lessonEdit.multiple') },
                  ]}
                />
                {q.options.map((o, oi) => (
                  <div key={oi} className="an-learn-card">
                    <TextField id={`q-${qi}-o-${oi}-label`} label={t('lessonEdit.option', { number: oi + 1 })} value={o.label} onChange={(v) => setOption(qi, oi, { label: v })} />
                    <label className="an-learn-option">
                      <input type="checkbox" checked={o.correct} onChange={(e) => setOption(qi, oi, { correct: e.target.checked })} />
                      {t('lessonEdit.correct')}
                    </label>
                    <TextField id={`q-${qi}-o-${oi}-feedback`} label={t('lessonEdit.feedback')} value={o.feedback} onChange={(v) => setOption(qi, oi, { feedback: v })} />
                    {q.options.length > 2 && (
                      <Button variant="quiet" onClick={() => setQuestion(qi, { options: q.options.filter((_, j) => j !== oi) })}>
                        <Trash2 className="an-icon" aria-hidden="true" focusable="false" />
                        {t('lessonEdit.removeOption', { number: oi + 1 })}
                      </Button>
                    )}
                  </div>
                ))}
                <div className="an-actions">
                  <Button variant="secondary" onClick={() => setQuestion(qi, { options: [...q.options, { label: '', correct: false, feedback: '' }] })}>
                    <Plus className="an-icon" aria-hidden="true" focusable="false" />
                    {t('lessonEdit.addOption')}
                  </Button>
                  {questions.length > 1 && (
                    <Button variant="quiet" onClick={() => setQuestions((now) => now.filter((_, i) => i !== qi))}>
                      {t('lessonEdit.removeQuestion', { number: qi + 1 })}
                    </Button>
                  )}
                </div>
                <TextArea id={`q-${qi}-explanation`} label={t('lessonEdit.explanation')} value={q.explanation} onChange={(v) => setQuestion(qi, { explanation: v })} rows={2} />
              </fieldset>
            ))}
            <div>
              <Button variant="secondary" onClick={() => setQuestions((now) => [...now, blankQuestion()])}>
                <Plus className="an-icon" aria-hidden="true" focusable="false" />
                {t('lessonEdit.addQuestion')}
              </Button>
            </div>
          </>
        )}
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('lessonEdit.save')}
          </Button>
        </div>
      </form>
      {lesson ? <LessonResourcesEditor lessonId={lesson.id} resources={lesson.resources} /> : <p className="an-after-form">{t('resources.afterSave')}</p>}
    </>
  );
}
