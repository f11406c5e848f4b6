import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { countStatements } from '../forum/forum-support';
import { CERTIFICATE, code, COMPLETE, CREATE_COHORT, ENROL, facilitator, field, hubId, LESSON, MY, ok, publishedModule, reason, SUBMIT, SYNC } from './learning-support';

describe('learning API: progress, quizzes, offline sync, certificates', () => {
  let t: TestApp;
  let reSearch: string;
  let fac: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    reSearch = await hubId(t, 're-search');
    fac = await facilitator(t, reSearch);
  });
  afterAll(() => t.close());

  async function enrolled(opts: { lessons?: number; quiz?: boolean; locale?: string; name?: string } = {}) {
    const m = await publishedModule(t, fac, reSearch, { lessons: opts.lessons ?? 3, quiz: opts.quiz });
    const learner = await t.signUp({ locale: opts.locale ?? 'en', ...(opts.name ? { name: opts.name } : {}) });
    const e = await ok(t.gql(ENROL, { input: { moduleId: m.id } }, { token: learner.accessToken }), 'enrol');
    return { m, learner, enrolmentId: e.id as string };
  }

  describe('completeLesson', () => {
    it('is idempotent and keeps the earliest device time', async () => {
      const { m, learner } = await enrolled();
      const late = '2026-11-20T10:00:00.000Z';
      const early = '2026-11-20T08:00:00.000Z';
      const a = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0], completedAt: late } }, { token: learner.accessToken }), 'completeLesson');
      expect(a.progress).toMatchObject({ completed: true, completedAt: late, startedAt: late });
      expect(a.enrolment.progress).toMatchObject({ lessonsDone: 1, lessonsTotal: 3, percent: 33, nextLesson: { id: m.lessonIds[1] } });
      const b = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0], completedAt: late } }, { token: learner.accessToken }), 'completeLesson');
      expect(b.progress.completedAt).toBe(late);
      const c = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0], completedAt: early } }, { token: learner.accessToken }), 'completeLesson');
      expect(c.progress.completedAt).toBe(early);
      const d = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
      expect(d.progress.completedAt).toBe(early);
      expect(d.enrolment.progress.lessonsDone).toBe(1);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM learning_lesson_progress WHERE member_id = $1`, [learner.id]);
      expect(n).toBe(1);
    });

    it('refuses members without a seat, future times and unknown lessons', async () => {
      const { m, learner } = await enrolled();
      const stranger = await t.signUp();
      const r = await t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: stranger.accessToken });
      expect([code(r), reason(r)]).toEqual(['FORBIDDEN', 'notEnrolled']);
      const future = await t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0], completedAt: new Date(Date.now() + 3_600_000).toISOString() } }, { token: learner.accessToken });
      expect([code(future), field(future)]).toEqual(['BAD_USER_INPUT', 'completedAt']);
      expect(code(await t.gql(COMPLETE, { input: { lessonId: '00000000-0000-4000-8000-000000000000' } }, { token: learner.accessToken }))).toBe('NOT_FOUND');
      expect(code(await t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }))).toBe('UNAUTHENTICATED');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_lesson_progress WHERE lesson_id = $1`, [m.lessonIds[0]]))[0].n).toBe(0);
    });
  });

  describe('quizzes', () => {
    it('never sends answers or feedback before a submission, and cannot be asked for them', async () => {
      const { m, learner } = await enrolled({ lessons: 1, quiz: true });
      const raw = await t.gql(`query($id: ID!) { lesson(id: $id) { quiz { questions { id prompt kind options { id label } } } quizAnswerKey { id } } }`, { id: m.lessonIds[0] }, { token: learner.accessToken });
      const text = JSON.stringify(raw.data);
      expect(raw.data!.lesson.quiz.questions).toHaveLength(2);
      expect(raw.data!.lesson.quizAnswerKey).toBeNull();
      expect(text).not.toMatch(/correct|SECRET-FEEDBACK|explanation|Unrestricted local income/);
      for (const q of [
        `query($id: ID!) { lesson(id: $id) { quiz { questions { options { correct } } } } }`,
        `query($id: ID!) { lesson(id: $id) { quiz { questions { explanation } } } }`,
        `query($id: ID!) { lesson(id: $id) { quiz { questions { options { feedback } } } } }`,
      ]) {
        expect(code(await t.gql(q, { id: m.lessonIds[0] }, { token: learner.accessToken }))).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });

    it('grades on the server, enforces attempts, reveals answers only once passed or out of attempts', async () => {
      const { m, learner, enrolmentId } = await enrolled({ lessons: 2, quiz: true, name: 'Wulan Lulus' });
      const quizLesson = m.lessonIds[1];
      const { quiz } = await ok(t.gql(LESSON, { id: quizLesson }, { token: learner.accessToken }), 'lesson');
      const [q1, q2] = quiz.questions;
      const [wrong1, right1] = q1.options.map((o: any) => o.id);
      const [right2a, right2b, wrong2] = q2.options.map((o: any) => o.id);

      // Bad input first: nothing is recorded.
      const badCases: [unknown, string][] = [
        [[{ questionId: q1.id, optionIds: [wrong1, right1] }], 'answers.0.optionIds'],
        [[{ questionId: q1.id, optionIds: [right2a] }], 'answers.0.optionIds'],
        [[{ questionId: '00000000-0000-4000-8000-000000000000', optionIds: [] }], 'answers.0.questionId'],
        [[{ questionId: q1.id, optionIds: [right1] }, { questionId: q1.id, optionIds: [right1] }], 'answers.1.questionId'],
      ];
      for (const [answers, f] of badCases) {
        const r = await t.gql(SUBMIT, { input: { lessonId: quizLesson, answers } }, { token: learner.accessToken });
        expect([code(r), field(r)]).toEqual(['BAD_USER_INPUT', f]);
      }
      expect(reason(await t.gql(SUBMIT, { input: { lessonId: m.lessonIds[0], answers: [] } }, { token: learner.accessToken }))).toBe('noQuiz');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_quiz_attempts WHERE member_id = $1`, [learner.id]))[0].n).toBe(0);

      // Attempt 1: one of two right (50 % < 60 %): failed, feedback for chosen options, no answers revealed.
      const a1 = await ok(
        t.gql(SUBMIT, { input: { lessonId: quizLesson, answers: [{ questionId: q1.id, optionIds: [right1] }, { questionId: q2.id, optionIds: [right2a] }] } }, { token: learner.accessToken }),
        'submitQuiz',
      );
      expect(a1).toMatchObject({ attemptNumber: 1, score: 50, passed: false, passMark: 60, attemptsLeft: 1 });
      expect(a1.results.map((r: any) => [r.correct, r.correctOptionIds])).toEqual([[true, null], [false, null]]);
      expect(a1.results[0].feedback).toEqual(['SECRET-FEEDBACK-local']);
      expect(a1.results[0].explanation).toBe('Unrestricted local income depends on many people, not one funder.');
      expect(a1.enrolment.status).toBe('ENROLLED');

      // The other lesson is still to do, so passing does not complete the module yet.
      const a2 = await ok(
        t.gql(
          SUBMIT,
          { input: { lessonId: quizLesson, answers: [{ questionId: q1.id, optionIds: [right1] }, { questionId: q2.id, optionIds: [right2b, right2a] }] } },
          { token: learner.accessToken },
        ),
        'submitQuiz',
      );
      expect(a2).toMatchObject({ attemptNumber: 2, score: 100, passed: true, attemptsLeft: 0 });
      expect(a2.results[1].correctOptionIds.sort()).toEqual([right2a, right2b].sort());
      expect(a2.enrolment).toMatchObject({ status: 'ENROLLED', progress: { lessonsDone: 1, lessonsTotal: 2, nextLesson: { id: m.lessonIds[0] } } });
      const refused = await t.gql(SUBMIT, { input: { lessonId: quizLesson, answers: [] } }, { token: learner.accessToken });
      expect([code(refused), reason(refused)]).toEqual(['FORBIDDEN', 'noAttemptsLeft']);
      const after = await ok(t.gql(LESSON, { id: quizLesson }, { token: learner.accessToken }), 'lesson');
      expect(after.quiz).toMatchObject({ viewerAttempts: 2, viewerAttemptsLeft: 0, viewerBestScore: 100, viewerPassed: true });
      expect(after.viewerProgress.completed).toBe(true);
      void wrong2;

      // The last lesson completes the module and issues the certificate, once.
      const done = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
      expect(done.enrolment).toMatchObject({ id: enrolmentId, status: 'COMPLETED', progress: { lessonsDone: 2, percent: 100, nextLesson: null } });
      const cert = done.enrolment.certificate;
      expect(cert).toMatchObject({ memberName: 'Wulan Lulus', hubName: 'Re.Search', pdfUrl: `/certificates/${cert.code}.pdf`, verifyPath: `/verify/${cert.code}` });
      expect(cert.code).toMatch(/^[2-9A-Z]{16}$/);
      await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_certificates WHERE member_id = $1`, [learner.id]))[0].n).toBe(1);
      const notes = await ok(t.gql(`{ notifications(first: 10) { edges { node { kind data { key value } url } } } }`, {}, { token: learner.accessToken }), 'notifications');
      expect(notes.edges.map((e: any) => e.node)).toEqual([
        { kind: 'learning.certificate_issued', data: expect.arrayContaining([{ key: 'hubName', value: 'Re.Search' }, { key: 'code', value: cert.code }]), url: `/learn/certificates/${cert.code}` },
      ]);
    });

    it('a completed lesson with an unpassed quiz is not done', async () => {
      const { m, learner } = await enrolled({ lessons: 1, quiz: true });
      const r = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
      expect(r.enrolment).toMatchObject({ status: 'ENROLLED', progress: { lessonsDone: 0, lessonsTotal: 1 } });
      expect(r.enrolment.certificate).toBeNull();
    });
  });

  describe('syncProgress', () => {
    it('applies out-of-order offline updates by device time, and a repeat changes nothing', async () => {
      const { m, learner } = await enrolled({ lessons: 3 });
      const [l1, l2, l3] = m.lessonIds;
      const batch = [
        { lessonId: l2, state: 'COMPLETED', at: '2026-11-21T09:40:00.000Z' },
        { lessonId: l1, state: 'COMPLETED', at: '2026-11-21T09:20:00.000Z' },
        { lessonId: l2, state: 'STARTED', at: '2026-11-21T09:25:00.000Z' },
        { lessonId: l1, state: 'STARTED', at: '2026-11-21T09:00:00.000Z' },
        { lessonId: l3, state: 'STARTED', at: '2026-11-21T09:45:00.000Z' },
        { lessonId: l1, state: 'COMPLETED', at: '2026-11-21T09:30:00.000Z' },
      ];
      const r = await ok(t.gql(SYNC, { input: batch }, { token: learner.accessToken }), 'syncProgress');
      const byLesson = Object.fromEntries(r.progress.map((p: any) => [p.lessonId, p]));
      expect(byLesson[l1]).toMatchObject({ startedAt: '2026-11-21T09:00:00.000Z', completedAt: '2026-11-21T09:20:00.000Z', completed: true });
      expect(byLesson[l2]).toMatchObject({ startedAt: '2026-11-21T09:25:00.000Z', completedAt: '2026-11-21T09:40:00.000Z', completed: true });
      expect(byLesson[l3]).toMatchObject({ startedAt: '2026-11-21T09:45:00.000Z', completedAt: null, completed: false });
      expect(r.skippedLessonIds).toEqual([]);
      expect(r.enrolments[0].progress).toMatchObject({ lessonsDone: 2, lessonsTotal: 3, percent: 66, nextLesson: { id: l3 }, lastActivityAt: '2026-11-21T09:45:00.000Z' });

      // The same batch again (a retry after a lost answer), and in another order: nothing changes.
      const again = await ok(t.gql(SYNC, { input: [...batch].reverse() }, { token: learner.accessToken }), 'syncProgress');
      expect(again.applied).toBe(0);
      expect(again.progress).toEqual(expect.arrayContaining(r.progress));
      // A late, older start of a completed lesson keeps it completed.
      const late = await ok(t.gql(SYNC, { input: [{ lessonId: l2, state: 'STARTED', at: '2026-11-21T08:00:00.000Z' }] }, { token: learner.accessToken }), 'syncProgress');
      expect(late.progress[0]).toMatchObject({ startedAt: '2026-11-21T08:00:00.000Z', completed: true });

      // Completing the last lesson offline completes the module.
      const last = await ok(t.gql(SYNC, { input: [{ lessonId: l3, state: 'COMPLETED', at: '2026-11-21T10:00:00.000Z' }] }, { token: learner.accessToken }), 'syncProgress');
      expect(last.enrolments[0]).toMatchObject({ status: 'COMPLETED', progress: { percent: 100 } });
      expect(last.enrolments[0].certificate.code).toBeTruthy();
    });

    it('skips lessons without a seat, refuses bad batches whole', async () => {
      const { m, learner } = await enrolled({ lessons: 1 });
      const other = await publishedModule(t, fac, reSearch, { lessons: 1 });
      const r = await ok(
        t.gql(
          SYNC,
          {
            input: [
              { lessonId: m.lessonIds[0], state: 'STARTED', at: '2026-11-21T09:00:00.000Z' },
              { lessonId: other.lessonIds[0], state: 'COMPLETED', at: '2026-11-21T09:00:00.000Z' },
              { lessonId: '00000000-0000-4000-8000-000000000000', state: 'COMPLETED', at: '2026-11-21T09:00:00.000Z' },
            ],
          },
          { token: learner.accessToken },
        ),
        'syncProgress',
      );
      expect(r.applied).toBe(1);
      expect(r.skippedLessonIds.sort()).toEqual([other.lessonIds[0], '00000000-0000-4000-8000-000000000000'].sort());
      const future = await t.gql(
        SYNC,
        { input: [{ lessonId: m.lessonIds[0], state: 'COMPLETED', at: '2026-11-21T09:00:00.000Z' }, { lessonId: m.lessonIds[0], state: 'COMPLETED', at: new Date(Date.now() + 86_400_000).toISOString() }] },
        { token: learner.accessToken },
      );
      expect([code(future), field(future)]).toEqual(['BAD_USER_INPUT', 'input.1.at']);
      const tooMany = Array.from({ length: 201 }, () => ({ lessonId: m.lessonIds[0], state: 'STARTED', at: '2026-11-21T09:00:00.000Z' }));
      expect(code(await t.gql(SYNC, { input: tooMany }, { token: learner.accessToken }))).toBe('BAD_USER_INPUT');
      expect((await t.db.query(`SELECT completed_at FROM learning_lesson_progress WHERE member_id = $1`, [learner.id]))[0].completed_at).toBeNull();
      expect(code(await t.gql(SYNC, { input: [] }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('certificates', () => {
    it('verification shows only name, module, hub and date; unknown codes are NOT_FOUND; the PDF is public', async () => {
      const { m, learner } = await enrolled({ lessons: 1, locale: 'id', name: 'Putri Sertifikat' });
      const done = await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
      const certCode = done.enrolment.certificate.code;
      const r = await t.gql(CERTIFICATE, { code: certCode });
      expect(Object.keys(r.data!.certificate).sort()).toEqual(['code', 'hubName', 'issuedAt', 'memberName', 'moduleTitle', 'pdfUrl', 'verifyPath']);
      expect(r.data!.certificate).toMatchObject({ memberName: 'Putri Sertifikat', hubName: 'Re.Search' });
      expect(JSON.stringify(r.data)).not.toContain(learner.email);
      expect((await t.gql(CERTIFICATE, { code: certCode.toLowerCase() })).data!.certificate.code).toBe(certCode);
      for (const unknown of ['ZZZZZZZZZZZZZZZZ', 'x', "'; DROP TABLE learning_certificates; --"]) {
        expect(code(await t.gql(CERTIFICATE, { code: unknown }))).toBe('NOT_FOUND');
      }
      const pdf = await fetch(`${t.url}/certificates/${certCode}.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1); // one A4 page
      const missing = await fetch(`${t.url}/certificates/ZZZZZZZZZZZZZZZZ.pdf`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { code: string }).code).toBe('NOT_FOUND');
    });
  });

  describe('myEnrolments', () => {
    it('answers progress for 1 and 20 enrolments in the same number of SQL statements', async () => {
      const learner = await t.signUp();
      const modules: Awaited<ReturnType<typeof publishedModule>>[] = [];
      for (let i = 0; i < 20; i += 1) modules.push(await publishedModule(t, fac, reSearch, { lessons: i === 0 ? 1 : 3, quiz: i % 4 === 1 }));
      // The first enrolment is in a cohort and completed, so the cohort and certificate fields are read in both counts.
      const cohort = await ok(
        t.gql(CREATE_COHORT, { input: { moduleId: modules[0].id, name: 'Counted', startsOn: '2030-01-01', endsOn: '2030-02-01', seats: 5, deliveryMode: 'ONLINE', link: 'https://x.example.org' } }, { token: fac.accessToken }),
        'createCohort',
      );
      const query = (tkn: string) => t.gql(MY, {}, { token: tkn });
      const counts: number[] = [];
      for (const [i, m] of modules.entries()) {
        await ok(t.gql(ENROL, { input: i === 0 ? { cohortId: cohort.id } : { moduleId: m.id } }, { token: learner.accessToken }), 'enrol');
        if (i % 2 === 0) await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
        if (i === 0 || i === 19) {
          await query(learner.accessToken); // warm the connection and caches
          const { result, statements } = await countStatements(() => query(learner.accessToken));
          expect(result.errors).toBeUndefined();
          expect(result.data!.myEnrolments).toHaveLength(i + 1);
          counts.push(statements.length);
        }
      }
      console.log(`myEnrolments SQL statements: 1 enrolment → ${counts[0]}, 20 enrolments → ${counts[1]}`);
      expect(counts[1]).toBe(counts[0]);
      const all = (await query(learner.accessToken)).data!.myEnrolments;
      expect(all[0].progress).toMatchObject({ lessonsTotal: 3, lessonsDone: 0, percent: 0 });
      expect(all.find((e: any) => e.moduleId === modules[2].id).progress).toMatchObject({ lessonsDone: 1, percent: 33, nextLesson: { id: modules[2].lessonIds[1] } });
      const completedOnly = await ok(t.gql(MY, { status: 'COMPLETED' }, { token: learner.accessToken }), 'myEnrolments');
      expect(completedOnly.map((e: any) => [e.moduleId, e.cohort.name, !!e.certificate.code])).toEqual([[modules[0].id, 'Counted', true]]);
    });
  });
});
