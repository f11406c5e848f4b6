import { Role, RoleScope } from '@anyam/shared/domain';
import type { TestApp, TestMember } from '../support/test-app';

export const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
export const reason = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.reason;
export const field = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.field;

export const MODULE_FIELDS = `id slug title summary level language estimatedHours deliveryMode status selfPaced discussionThreadId lessonCount viewerCanEdit
  viewerCompleted viewerPrerequisitesMet hub { id name slug } themes authors { id name } prerequisites { id title viewerCompleted }`;
export const LESSON_FIELDS = `id moduleId position title estimatedMinutes hasQuiz viewerCanRead viewerCanEdit contentHtml contentMarkdown previousLessonId nextLessonId
  resources { id fileName mediaType sizeBytes url } quiz { passMark attemptsAllowed viewerAttempts viewerAttemptsLeft viewerBestScore viewerPassed
  questions { id position prompt kind options { id label } } } viewerProgress { startedAt completedAt completed }`;
export const ENROLMENT_FIELDS = `id moduleId cohortId status waitlistPosition enrolledAt completedAt withdrawnAt
  progress { lessonsDone lessonsTotal percent nextLesson { id title position } lastActivityAt } certificate { code memberName moduleTitle hubName issuedAt pdfUrl verifyPath }`;

export const CREATE_MODULE = `mutation($input: CreateTrainingModuleInput!) { createTrainingModule(input: $input) { ${MODULE_FIELDS} } }`;
export const UPDATE_MODULE = `mutation($input: UpdateTrainingModuleInput!) { updateTrainingModule(input: $input) { ${MODULE_FIELDS} } }`;
export const PUBLISH = `mutation($id: ID!) { publishTrainingModule(id: $id) { ${MODULE_FIELDS} } }`;
export const MODULE = `query($slug: String!) { trainingModule(slug: $slug) { ${MODULE_FIELDS} lessons { ${LESSON_FIELDS} } cohorts { id seatsLeft } viewerEnrolment { id status } } }`;
export const CATALOGUE = `query($filter: TrainingModuleFilter, $first: Int, $after: String) { trainingModules(filter: $filter, first: $first, after: $after) {
  edges { cursor node { id slug title status } } pageInfo { hasNextPage endCursor } } }`;
export const ADD_LESSON = `mutation($input: AddLessonInput!) { addLesson(input: $input) { ${LESSON_FIELDS} quizAnswerKey { id prompt kind explanation options { id label correct feedback } } } }`;
export const UPDATE_LESSON = `mutation($input: UpdateLessonInput!) { updateLesson(input: $input) { ${LESSON_FIELDS} } }`;
export const REORDER = `mutation($moduleId: ID!, $lessonIds: [ID!]!) { reorderLessons(moduleId: $moduleId, lessonIds: $lessonIds) { id lessons { id position } } }`;
export const LESSON = `query($id: ID!) { lesson(id: $id) { ${LESSON_FIELDS} } }`;
export const CREATE_COHORT = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id name seats seatsTaken seatsLeft waitlistCount enrolmentOpen link viewerCanManage facilitators { id } } }`;
export const COHORTS = `query($moduleId: ID!) { cohorts(moduleId: $moduleId) { id name seats seatsTaken seatsLeft waitlistCount link viewerCanManage } }`;
export const ROSTER = `query($cohortId: ID!) { cohortRoster(cohortId: $cohortId) { id status waitlistPosition member { id name } progress { lessonsDone lessonsTotal percent } } }`;
export const ENROL = `mutation($input: EnrolInput!) { enrol(input: $input) { ${ENROLMENT_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!) { withdraw(enrolmentId: $id) { ${ENROLMENT_FIELDS} } }`;
export const MY = `query($status: EnrolmentStatus) { myEnrolments(status: $status) { ${ENROLMENT_FIELDS} module { id title slug hub { name } } cohort { id name } } }`;
export const COMPLETE = `mutation($input: CompleteLessonInput!) { completeLesson(input: $input) { progress { lessonId startedAt completedAt completed } enrolment { ${ENROLMENT_FIELDS} } } }`;
export const SUBMIT = `mutation($input: SubmitQuizInput!) { submitQuiz(input: $input) { id attemptNumber score passed passMark attemptsLeft submittedAt
  results { questionId correct selectedOptionIds correctOptionIds feedback explanation } enrolment { ${ENROLMENT_FIELDS} } } }`;
export const SYNC = `mutation($input: [ProgressUpdateInput!]!) { syncProgress(input: $input) { applied skippedLessonIds progress { lessonId startedAt completedAt completed }
  enrolments { ${ENROLMENT_FIELDS} } } }`;
export const CERTIFICATE = `query($code: String!) { certificate(code: $code) { code memberName moduleTitle hubName issuedAt pdfUrl verifyPath } }`;

export async function hubId(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.db.query(`SELECT id FROM hubs WHERE slug = $1`, [slug]);
  return row.id;
}

export async function facilitator(t: TestApp, hub: string, locale = 'en'): Promise<TestMember> {
  return t.grantRole(await t.signUp({ locale }), Role.Facilitator, RoleScope.Hub, hub);
}

export async function ok<T = any>(p: Promise<{ data?: any; errors?: unknown }>, key: string): Promise<T> {
  const r = await p;
  if (r.errors) throw new Error(`${key}: ${JSON.stringify(r.errors)}`);
  return r.data![key] as T;
}

let seq = 0;
export const QUIZ = {
  passMark: 60,
  attemptsAllowed: 2,
  questions: [
    {
      prompt: 'Which income source is least exposed to a single funder’s decisions?',
      kind: 'SINGLE',
      explanation: 'Unrestricted local income depends on many people, not one funder.',
      options: [
        { label: 'One large foreign grant', correct: false, feedback: 'SECRET-FEEDBACK-grant' },
        { label: 'Membership fees and local giving', correct: true, feedback: 'SECRET-FEEDBACK-local' },
      ],
    },
    {
      prompt: 'Which belong in a reserve policy?',
      kind: 'MULTIPLE',
      options: [
        { label: 'A target of months of core costs', correct: true },
        { label: 'Who may draw on the reserve', correct: true },
        { label: 'The director’s salary', correct: false },
      ],
    },
  ],
};

/** A published module of `hub` with `lessons` lessons (the last with QUIZ when `quiz`). */
export async function publishedModule(
  t: TestApp,
  by: TestMember,
  hub: string,
  opts: { lessons?: number; quiz?: boolean; selfPaced?: boolean; prerequisiteIds?: string[]; title?: string } = {},
): Promise<{ id: string; slug: string; lessonIds: string[]; discussionThreadId: string }> {
  seq += 1;
  const slug = `module-${seq}-${Math.random().toString(36).slice(2, 8)}`;
  const m = await ok(
    t.gql(
      CREATE_MODULE,
      {
        input: {
          hubId: hub,
          title: opts.title ?? `Module ${seq}`,
          slug,
          summary: 'What you will learn.',
          level: 'INTRODUCTORY',
          language: 'en',
          deliveryMode: 'ONLINE',
          selfPaced: opts.selfPaced ?? true,
          prerequisiteIds: opts.prerequisiteIds ?? [],
        },
      },
      { token: by.accessToken },
    ),
    'createTrainingModule',
  );
  const lessonIds: string[] = [];
  const n = opts.lessons ?? 2;
  for (let i = 1; i <= n; i += 1) {
    const l = await ok(
      t.gql(
        ADD_LESSON,
        { input: { moduleId: m.id, title: `Lesson ${i}`, contentMarkdown: `# Lesson ${i}\n\nSome **content**.`, quiz: opts.quiz && i === n ? QUIZ : null } },
        { token: by.accessToken },
      ),
      'addLesson',
    );
    lessonIds.push(l.id);
  }
  const published = await ok(t.gql(PUBLISH, { id: m.id }, { token: by.accessToken }), 'publishTrainingModule');
  return { id: m.id, slug, lessonIds, discussionThreadId: published.discussionThreadId };
}
