import { Role, RoleScope } from '@anyam/shared/domain';
import { startTestApp, TestApp, TestMember } from '../support/test-app';
import { countStatements } from '../forum/forum-support';
import {
  ADD_LESSON,
  CATALOGUE,
  code,
  CREATE_COHORT,
  CREATE_MODULE,
  facilitator,
  field,
  hubId,
  LESSON,
  MODULE,
  ok,
  PUBLISH,
  publishedModule,
  QUIZ,
  reason,
  REORDER,
  UPDATE_LESSON,
  UPDATE_MODULE,
} from './learning-support';

describe('learning API: authoring', () => {
  let t: TestApp;
  let reSearch: string;
  let ananta: string;
  let fac: TestMember; // facilitator of Re.Search
  let other: TestMember; // facilitator of Ananta Fund
  let member: TestMember;
  let admin: TestMember;

  const input = (overrides: Record<string, unknown> = {}) => ({
    hubId: reSearch,
    title: 'Funding diversification',
    slug: `funding-${Math.random().toString(36).slice(2, 8)}`,
    summary: 'Spread your income.',
    level: 'INTERMEDIATE',
    language: 'id',
    estimatedHours: 3.5,
    deliveryMode: 'HYBRID',
    themes: [],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    reSearch = await hubId(t, 're-search');
    ananta = await hubId(t, 'ananta-fund');
    [fac, other, member] = await Promise.all([facilitator(t, reSearch), facilitator(t, ananta), t.signUp()]);
    admin = await t.grantRole(await t.signUp(), Role.Admin, RoleScope.Network);
  });
  afterAll(() => t.close());

  describe('createTrainingModule', () => {
    it('lets a facilitator of the hub create a draft they author, hidden from everyone else', async () => {
      const m = await ok(t.gql(CREATE_MODULE, { input: input() }, { token: fac.accessToken }), 'createTrainingModule');
      expect(m).toMatchObject({ status: 'DRAFT', estimatedHours: 3.5, viewerCanEdit: true, lessonCount: 0, hub: { id: reSearch } });
      expect(m.authors.map((a: any) => a.id)).toEqual([fac.id]);
      // Drafts: NOT_FOUND for visitors, members and other hubs' facilitators; listed for the author with status DRAFT.
      for (const token of [undefined, member.accessToken, other.accessToken]) {
        expect(code(await t.gql(MODULE, { slug: m.slug }, { token }))).toBe('NOT_FOUND');
      }
      expect((await t.gql(MODULE, { slug: m.slug }, { token: admin.accessToken })).data!.trainingModule.viewerCanEdit).toBe(true);
      const drafts = await ok(t.gql(CATALOGUE, { filter: { status: 'DRAFT' }, first: 50 }, { token: fac.accessToken }), 'trainingModules');
      expect(drafts.edges.map((e: any) => e.node.id)).toContain(m.id);
      const memberDrafts = await ok(t.gql(CATALOGUE, { filter: { status: 'DRAFT' }, first: 50 }, { token: member.accessToken }), 'trainingModules');
      expect(memberDrafts.edges.map((e: any) => e.node.id)).not.toContain(m.id);
      const published = await ok(t.gql(CATALOGUE, { first: 50 }, { token: fac.accessToken }), 'trainingModules');
      expect(published.edges.map((e: any) => e.node.id)).not.toContain(m.id);
    });

    it('refuses members, other hubs’ facilitators and visitors', async () => {
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM learning_modules`))[0].n;
      expect(code(await t.gql(CREATE_MODULE, { input: input() }, { token: member.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE_MODULE, { input: input() }, { token: other.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE_MODULE, { input: input() }))).toBe('UNAUTHENTICATED');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_modules`))[0].n).toBe(before);
    });

    it('answers bad input per field and changes nothing', async () => {
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM learning_modules`))[0].n;
      const cases: [Record<string, unknown>, string, string][] = [
        [{ slug: 'Not A Slug' }, 'slug', 'BAD_USER_INPUT'],
        [{ title: '  ' }, 'title', 'BAD_USER_INPUT'],
        [{ language: 'indonesian!' }, 'language', 'BAD_USER_INPUT'],
        [{ estimatedHours: 0 }, 'estimatedHours', 'BAD_USER_INPUT'],
        [{ themes: ['no-such-theme'] }, 'themes', 'BAD_USER_INPUT'],
        [{ prerequisiteIds: ['00000000-0000-4000-8000-000000000000'] }, 'prerequisiteIds', 'BAD_USER_INPUT'],
      ];
      for (const [overrides, f, c] of cases) {
        const r = await t.gql(CREATE_MODULE, { input: input(overrides) }, { token: fac.accessToken });
        expect([code(r), field(r)]).toEqual([c, f]);
      }
      const first = await ok(t.gql(CREATE_MODULE, { input: input({ slug: 'taken-slug' }) }, { token: fac.accessToken }), 'createTrainingModule');
      const dup = await t.gql(CREATE_MODULE, { input: input({ slug: 'taken-slug' }) }, { token: fac.accessToken });
      expect([code(dup), field(dup)]).toEqual(['CONFLICT', 'slug']);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_modules`))[0].n).toBe(before + 1);
      expect(first.slug).toBe('taken-slug');
    });
  });

  describe('lessons, quiz, update, reorder, publish', () => {
    let moduleId: string;
    let slug: string;
    const lessons: string[] = [];

    beforeAll(async () => {
      const m = await ok(t.gql(CREATE_MODULE, { input: input({ themes: ['financial-resilience'] }) }, { token: fac.accessToken }), 'createTrainingModule');
      moduleId = m.id;
      slug = m.slug;
    });

    it('refuses to publish a module without lessons', async () => {
      const r = await t.gql(PUBLISH, { id: moduleId }, { token: fac.accessToken });
      expect([code(r), reason(r)]).toEqual(['BAD_USER_INPUT', 'noLessons']);
    });

    it('adds lessons in order, renders sanitised Markdown, and keeps the answer key for editors', async () => {
      const a = await ok(
        t.gql(ADD_LESSON, { input: { moduleId, title: 'Map your income', contentMarkdown: '## Why\n\n<script>alert(1)</script> **bold** [x](javascript:alert(1))' } }, { token: fac.accessToken }),
        'addLesson',
      );
      expect(a.position).toBe(1);
      expect(a.contentHtml).toContain('<strong>bold</strong>');
      expect(a.contentHtml).not.toContain('<script');
      expect(a.contentHtml).not.toMatch(/href="javascript/);
      const b = await ok(t.gql(ADD_LESSON, { input: { moduleId, title: 'Check yourself', contentMarkdown: 'Quiz time.', estimatedMinutes: 15, quiz: QUIZ } }, { token: fac.accessToken }), 'addLesson');
      expect(b).toMatchObject({ position: 2, hasQuiz: true, estimatedMinutes: 15 });
      expect(b.quizAnswerKey[0].options.map((o: any) => o.correct)).toEqual([false, true]);
      lessons.push(a.id, b.id);
    });

    it('refuses lessons from non-editors and bad quizzes', async () => {
      expect(code(await t.gql(ADD_LESSON, { input: { moduleId, title: 'x', contentMarkdown: 'y' } }, { token: member.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(ADD_LESSON, { input: { moduleId, title: 'x', contentMarkdown: 'y' } }, { token: other.accessToken }))).toBe('NOT_FOUND');
      const twoRight = { ...QUIZ, questions: [{ ...QUIZ.questions[0], options: QUIZ.questions[0].options.map((o) => ({ ...o, correct: true })) }] };
      const r = await t.gql(ADD_LESSON, { input: { moduleId, title: 'x', contentMarkdown: 'y', quiz: twoRight } }, { token: fac.accessToken });
      expect([code(r), field(r)]).toEqual(['BAD_USER_INPUT', 'quiz.questions.0.options']);
      const r2 = await t.gql(ADD_LESSON, { input: { moduleId, title: 'x', contentMarkdown: 'y', quiz: { ...QUIZ, passMark: 101 } } }, { token: fac.accessToken });
      expect([code(r2), field(r2)]).toEqual(['BAD_USER_INPUT', 'quiz.passMark']);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_lessons WHERE module_id = $1`, [moduleId]))[0].n).toBe(2);
    });

    it('updates a lesson and a module; only editors may', async () => {
      const l = await ok(t.gql(UPDATE_LESSON, { input: { id: lessons[0], title: 'Map your income sources' } }, { token: fac.accessToken }), 'updateLesson');
      expect(l.title).toBe('Map your income sources');
      expect(code(await t.gql(UPDATE_LESSON, { input: { id: lessons[0], title: 'Hacked' } }, { token: member.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(UPDATE_LESSON, { input: { id: lessons[0], title: 'Hacked' } }, { token: other.accessToken }))).toBe('NOT_FOUND');
      const m = await ok(t.gql(UPDATE_MODULE, { input: { id: moduleId, title: 'Diversifying funding', authorIds: [other.id] } }, { token: fac.accessToken }), 'updateTrainingModule');
      expect(m.title).toBe('Diversifying funding');
      expect(m.authors.map((a: any) => a.id).sort()).toEqual([fac.id, other.id].sort());
      // A listed co-author who facilitates elsewhere may now edit it.
      expect((await t.gql(UPDATE_MODULE, { input: { id: moduleId, summary: 'By a co-author.' } }, { token: other.accessToken })).errors).toBeUndefined();
      expect(code(await t.gql(UPDATE_MODULE, { input: { id: moduleId, title: 'x' } }, { token: member.accessToken }))).toBe('FORBIDDEN');
      const bad = await t.gql(UPDATE_MODULE, { input: { id: moduleId, prerequisiteIds: [moduleId] } }, { token: fac.accessToken });
      expect([code(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'prerequisiteIds']);
    });

    it('refuses a prerequisite loop', async () => {
      const a = await ok(t.gql(CREATE_MODULE, { input: input() }, { token: fac.accessToken }), 'createTrainingModule');
      const b = await ok(t.gql(CREATE_MODULE, { input: input({ prerequisiteIds: [a.id] }) }, { token: fac.accessToken }), 'createTrainingModule');
      const r = await t.gql(UPDATE_MODULE, { input: { id: a.id, prerequisiteIds: [b.id] } }, { token: fac.accessToken });
      expect([code(r), field(r)]).toEqual(['BAD_USER_INPUT', 'prerequisiteIds']);
    });

    it('reorders lessons given every lesson once', async () => {
      const m = await ok(t.gql(REORDER, { moduleId, lessonIds: [lessons[1], lessons[0]] }, { token: fac.accessToken }), 'reorderLessons');
      expect(m.lessons.map((l: any) => l.id)).toEqual([lessons[1], lessons[0]]);
      for (const bad of [[lessons[0]], [lessons[0], lessons[0]], [lessons[0], lessons[1], '00000000-0000-4000-8000-000000000000']]) {
        expect(code(await t.gql(REORDER, { moduleId, lessonIds: bad }, { token: fac.accessToken }))).toBe('BAD_USER_INPUT');
      }
      expect(code(await t.gql(REORDER, { moduleId, lessonIds: [lessons[0], lessons[1]] }, { token: member.accessToken }))).toBe('FORBIDDEN');
      await ok(t.gql(REORDER, { moduleId, lessonIds: [lessons[0], lessons[1]] }, { token: fac.accessToken }), 'reorderLessons');
    });

    it('publishes once, opening the discussion thread in the hub’s forum group', async () => {
      expect(code(await t.gql(PUBLISH, { id: moduleId }, { token: member.accessToken }))).toBe('FORBIDDEN');
      const m = await ok(t.gql(PUBLISH, { id: moduleId }, { token: fac.accessToken }), 'publishTrainingModule');
      expect(m.status).toBe('PUBLISHED');
      expect(m.discussionThreadId).toBeTruthy();
      const [thread] = await t.db.query(
        `SELECT t.title, g.hub_id, g.kind, p.body_markdown FROM forum_threads t JOIN forum_groups g ON g.id = t.group_id JOIN forum_posts p ON p.thread_id = t.id WHERE t.id = $1`,
        [m.discussionThreadId],
      );
      expect(thread).toMatchObject({ title: 'Diversifying funding', hub_id: reSearch, kind: 'hub' });
      const again = await ok(t.gql(PUBLISH, { id: moduleId }, { token: fac.accessToken }), 'publishTrainingModule');
      expect(again.discussionThreadId).toBe(m.discussionThreadId);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM forum_threads WHERE title = 'Diversifying funding'`))[0].n).toBe(1);
      // Now in the catalogue and visible to visitors (Re.Search is public), with lesson titles but no content.
      const visitor = await ok(t.gql(MODULE, { slug }), 'trainingModule');
      expect(visitor.lessons.map((l: any) => [l.title, l.viewerCanRead, l.contentHtml, l.quiz])).toEqual([
        ['Map your income sources', false, null, null],
        ['Check yourself', false, null, null],
      ]);
      const found = await ok(t.gql(CATALOGUE, { filter: { search: 'diversifying', theme: 'financial-resilience', hubId: reSearch, level: 'INTERMEDIATE', mode: 'HYBRID', language: 'id' } }), 'trainingModules');
      expect(found.edges.map((e: any) => e.node.id)).toEqual([moduleId]);
      const none = await ok(t.gql(CATALOGUE, { filter: { search: 'diversifying', level: 'ADVANCED' } }), 'trainingModules');
      expect(none.edges).toEqual([]);
    });

    it('a hub without a forum group gets one on its first publication', async () => {
      const m = await publishedModule(t, other, ananta, { lessons: 1 });
      const [g] = await t.db.query(`SELECT g.hub_id, g.kind, g.visibility FROM forum_threads t JOIN forum_groups g ON g.id = t.group_id WHERE t.id = $1`, [m.discussionThreadId]);
      expect(g).toMatchObject({ hub_id: ananta, kind: 'hub' });
    });

    it('lesson(id): NOT_FOUND for a draft’s lesson to non-editors', async () => {
      const d = await ok(t.gql(CREATE_MODULE, { input: input() }, { token: fac.accessToken }), 'createTrainingModule');
      const l = await ok(t.gql(ADD_LESSON, { input: { moduleId: d.id, title: 'Draft lesson', contentMarkdown: 'x' } }, { token: fac.accessToken }), 'addLesson');
      expect(code(await t.gql(LESSON, { id: l.id }, { token: member.accessToken }))).toBe('NOT_FOUND');
      expect(code(await t.gql(LESSON, { id: l.id }))).toBe('NOT_FOUND');
      expect((await ok(t.gql(LESSON, { id: l.id }, { token: fac.accessToken }), 'lesson')).contentMarkdown).toBe('x');
    });
  });

  describe('trainingModules pagination', () => {
    it('pages by title with keyset cursors', async () => {
      for (let i = 0; i < 3; i += 1) await publishedModule(t, fac, reSearch, { lessons: 1, title: `Zeta paging ${i}` });
      const first = await ok(t.gql(CATALOGUE, { filter: { search: 'Zeta paging' }, first: 2 }), 'trainingModules');
      expect(first.edges.map((e: any) => e.node.title)).toEqual(['Zeta paging 0', 'Zeta paging 1']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await ok(t.gql(CATALOGUE, { filter: { search: 'Zeta paging' }, first: 2, after: first.pageInfo.endCursor }), 'trainingModules');
      expect(second.edges.map((e: any) => e.node.title)).toEqual(['Zeta paging 2']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(code(await t.gql(CATALOGUE, { first: 2, after: 'garbage' }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('catalogue cost and archiving', () => {
    it('reads a catalogue page with lessons, cohorts, authors and themes in the same number of statements for 2 and 10 modules', async () => {
      for (let i = 0; i < 10; i += 1) await publishedModule(t, fac, reSearch, { lessons: 2, title: `Costed ${String(i).padStart(2, '0')}` });
      const PAGE = `query($first: Int) { trainingModules(filter: { search: "Costed" }, first: $first) { edges { node { id title hub { name } themes authors { name }
        prerequisites { id } lessons { id title hasQuiz viewerCanRead } cohorts { id seatsLeft } viewerEnrolment { id } viewerPrerequisitesMet } } } }`;
      const counts: number[] = [];
      for (const first of [2, 10]) {
        await t.gql(PAGE, { first }, { token: member.accessToken });
        const { result, statements } = await countStatements(() => t.gql(PAGE, { first }, { token: member.accessToken }));
        expect(result.data!.trainingModules.edges).toHaveLength(first);
        counts.push(statements.length);
      }
      console.log(`trainingModules page SQL statements: 2 modules → ${counts[0]}, 10 modules → ${counts[1]}`);
      expect(counts[1]).toBe(counts[0]);
    });

    it('archiving takes a module out of the catalogue for everyone but its editors', async () => {
      const m = await publishedModule(t, fac, reSearch, { lessons: 1, title: 'To be archived' });
      const archived = await ok(t.gql(UPDATE_MODULE, { input: { id: m.id, archived: true } }, { token: fac.accessToken }), 'updateTrainingModule');
      expect(archived.status).toBe('ARCHIVED');
      expect((await ok(t.gql(CATALOGUE, { filter: { search: 'To be archived' } }), 'trainingModules')).edges).toEqual([]);
      expect(code(await t.gql(MODULE, { slug: m.slug }, { token: member.accessToken }))).toBe('NOT_FOUND');
      expect((await ok(t.gql(CATALOGUE, { filter: { search: 'To be archived', status: 'ARCHIVED' } }, { token: fac.accessToken }), 'trainingModules')).edges).toHaveLength(1);
      const back = await ok(t.gql(UPDATE_MODULE, { input: { id: m.id, archived: false } }, { token: fac.accessToken }), 'updateTrainingModule');
      expect(back.status).toBe('PUBLISHED');
    });
  });

  describe('createCohort', () => {
    it('editors schedule cohorts; others cannot; bad input changes nothing', async () => {
      const m = await publishedModule(t, fac, reSearch, { lessons: 1 });
      const base = { moduleId: m.id, name: 'March cohort', startsOn: '2027-03-01', endsOn: '2027-04-30', seats: 12, deliveryMode: 'ONLINE', link: 'https://meet.example.org/x' };
      const c = await ok(t.gql(CREATE_COHORT, { input: base }, { token: fac.accessToken }), 'createCohort');
      expect(c).toMatchObject({ seats: 12, seatsTaken: 0, seatsLeft: 12, waitlistCount: 0, enrolmentOpen: true, viewerCanManage: true, link: 'https://meet.example.org/x' });
      expect(c.facilitators.map((f: any) => f.id)).toEqual([fac.id]);
      expect(code(await t.gql(CREATE_COHORT, { input: base }, { token: member.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE_COHORT, { input: base }, { token: other.accessToken }))).toBe('FORBIDDEN');
      const bad: [Record<string, unknown>, string][] = [
        [{ seats: 0 }, 'seats'],
        [{ endsOn: '2027-02-01' }, 'endsOn'],
        [{ startsOn: '2027-02-30' }, 'startsOn'],
        [{ link: 'ftp://x' }, 'link'],
        [{ deliveryMode: 'OFFLINE', link: null }, 'place'],
      ];
      for (const [o, f] of bad) {
        const r = await t.gql(CREATE_COHORT, { input: { ...base, ...o } }, { token: fac.accessToken });
        expect([code(r), field(r)]).toEqual(['BAD_USER_INPUT', f]);
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_cohorts WHERE module_id = $1`, [m.id]))[0].n).toBe(1);
    });
  });
});
