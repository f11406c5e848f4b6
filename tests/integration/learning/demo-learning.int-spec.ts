import { startTestApp, TestApp } from '../support/test-app';
import { CATALOGUE, CERTIFICATE, LESSON, MODULE, MY, ok, SUBMIT } from './learning-support';

const PASSWORD = 'anyam-demo-2023';

describe('learning demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
  });
  afterAll(() => t.close());

  it('publishes modules from the seeded hubs, funding diversification in Bahasa Indonesia and English, each with a quiz and a discussion thread', async () => {
    const all = await ok(t.gql(CATALOGUE, { first: 50 }), 'trainingModules');
    const slugs = all.edges.map((e: any) => e.node.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    const id = await ok(t.gql(MODULE, { slug: 'ketahanan-finansial-diversifikasi-pendanaan' }), 'trainingModule');
    const en = await ok(t.gql(MODULE, { slug: 'financial-resilience-funding-diversification' }), 'trainingModule');
    expect([id.language, id.status, id.hub.slug, id.themes]).toEqual(['id', 'PUBLISHED', 're-search', ['financial-resilience', 'institutional-resilience']]);
    expect(en.language).toBe('en');
    for (const m of [id, en]) {
      expect(m.lessons.length).toBeGreaterThanOrEqual(3);
      expect(m.lessons.some((l: any) => l.hasQuiz)).toBe(true);
      expect(m.discussionThreadId).toBeTruthy();
    }
    expect(id.cohorts[0].seatsLeft).toBe(19);
    const [thread] = await t.db.query(`SELECT t.title FROM forum_threads t WHERE t.id = $1`, [id.discussionThreadId]);
    expect(thread.title).toBe(id.title);
    const filtered = await ok(t.gql(CATALOGUE, { filter: { theme: 'financial-resilience', language: 'id' } }), 'trainingModules');
    expect(filtered.edges.map((e: any) => e.node.slug)).toEqual(['ketahanan-finansial-diversifikasi-pendanaan']);
  });

  it('Sari is halfway through the Indonesian module and can take its quiz; Lucía’s certificate verifies', async () => {
    const sari = await t.signIn('sari@anyam.test', PASSWORD);
    const [e] = await ok(t.gql(MY, {}, { token: sari.accessToken }), 'myEnrolments');
    expect(e).toMatchObject({ status: 'ENROLLED', progress: { lessonsDone: 2, lessonsTotal: 4, percent: 50 }, cohort: { name: 'Kohort Yogyakarta 2027' } });
    const quizLesson = await ok(t.gql(LESSON, { id: e.progress.nextLesson.id }, { token: sari.accessToken }), 'lesson');
    expect(quizLesson.contentHtml).toContain('<h4>');
    const last = await ok(t.gql(LESSON, { id: quizLesson.nextLessonId }, { token: sari.accessToken }), 'lesson');
    expect(last.quiz.questions).toHaveLength(3);
    const attempt = await ok(
      t.gql(SUBMIT, { input: { lessonId: last.id, answers: [{ questionId: last.quiz.questions[0].id, optionIds: [last.quiz.questions[0].options[1].id] }] } }, { token: sari.accessToken }),
      'submitQuiz',
    );
    expect([attempt.score, attempt.passed, attempt.attemptsLeft]).toEqual([33, false, 2]);

    const lucia = await t.signIn('lucia@anyam.test', PASSWORD);
    const [done] = await ok(t.gql(MY, { status: 'COMPLETED' }, { token: lucia.accessToken }), 'myEnrolments');
    const cert = await ok(t.gql(CERTIFICATE, { code: done.certificate.code }), 'certificate');
    expect(cert).toMatchObject({ memberName: 'Lucía Quispe', moduleTitle: 'Financial resilience: diversifying your funding', hubName: expect.any(String) });
  });
});
