import { latestMail, startTestApp, TestApp, TestMember } from '../support/test-app';
import { code, COHORTS, CREATE_COHORT, ENROL, facilitator, hubId, MODULE, MY, ok, publishedModule, reason, ROSTER, WITHDRAW, COMPLETE, LESSON } from './learning-support';

describe('learning API: enrolment, seats and waitlist', () => {
  let t: TestApp;
  let reSearch: string;
  let fac: TestMember;
  let member: TestMember;

  const cohortInput = (moduleId: string, overrides: Record<string, unknown> = {}) => ({
    moduleId,
    name: 'April cohort',
    startsOn: '2030-04-01',
    endsOn: '2030-05-31',
    seats: 3,
    deliveryMode: 'OFFLINE',
    place: 'Re.Search office, Yogyakarta',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    reSearch = await hubId(t, 're-search');
    [fac, member] = await Promise.all([facilitator(t, reSearch), t.signUp()]);
  });
  afterAll(() => t.close());

  it('enrols self-paced, answers the same enrolment when asked again, and refuses bad input', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 2 });
    const e = await ok(t.gql(ENROL, { input: { moduleId: m.id } }, { token: member.accessToken }), 'enrol');
    expect(e).toMatchObject({ status: 'ENROLLED', cohortId: null, waitlistPosition: null, progress: { lessonsDone: 0, lessonsTotal: 2, percent: 0 } });
    expect(e.progress.nextLesson.id).toBe(m.lessonIds[0]);
    const again = await ok(t.gql(ENROL, { input: { moduleId: m.id } }, { token: member.accessToken }), 'enrol');
    expect(again.id).toBe(e.id);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_enrolments WHERE module_id = $1`, [m.id]))[0].n).toBe(1);
    // Enrolled members read the content.
    const lesson = await ok(t.gql(LESSON, { id: m.lessonIds[0] }, { token: member.accessToken }), 'lesson');
    expect(lesson.viewerCanRead).toBe(true);
    expect(lesson.contentHtml).toContain('<strong>content</strong>');
    // Bad input and denials.
    expect(code(await t.gql(ENROL, { input: {} }, { token: member.accessToken }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(ENROL, { input: { moduleId: m.id, cohortId: m.id } }, { token: member.accessToken }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(ENROL, { input: { moduleId: '00000000-0000-4000-8000-000000000000' } }, { token: member.accessToken }))).toBe('NOT_FOUND');
    expect(code(await t.gql(ENROL, { input: { moduleId: m.id } }))).toBe('UNAUTHENTICATED');
  });

  it('refuses self-paced enrolment in a cohort-only module and enrolment in a draft', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 1, selfPaced: false });
    const r = await t.gql(ENROL, { input: { moduleId: m.id } }, { token: member.accessToken });
    expect([code(r), reason(r)]).toEqual(['BAD_USER_INPUT', 'notSelfPaced']);
    const [draft] = await t.db.query(`INSERT INTO learning_modules (hub_id, slug, title, level, language, delivery_mode, created_by_id) VALUES ($1, 'a-draft', 'A draft', 'advanced', 'en', 'online', $2) RETURNING id`, [reSearch, fac.id]);
    expect(code(await t.gql(ENROL, { input: { moduleId: draft.id } }, { token: member.accessToken }))).toBe('NOT_FOUND');
  });

  it('enforces prerequisites until they are completed', async () => {
    const basics = await publishedModule(t, fac, reSearch, { lessons: 1, title: 'Budget basics' });
    const advanced = await publishedModule(t, fac, reSearch, { lessons: 1, prerequisiteIds: [basics.id] });
    const learner = await t.signUp();
    const page = await ok(t.gql(MODULE, { slug: advanced.slug }, { token: learner.accessToken }), 'trainingModule');
    expect(page.viewerPrerequisitesMet).toBe(false);
    expect(page.prerequisites).toEqual([{ id: basics.id, title: 'Budget basics', viewerCompleted: false }]);
    const refused = await t.gql(ENROL, { input: { moduleId: advanced.id } }, { token: learner.accessToken });
    expect([code(refused), reason(refused)]).toEqual(['FORBIDDEN', 'prerequisitesNotMet']);
    expect(refused.errors![0].message).toContain('Budget basics');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM learning_enrolments WHERE module_id = $1`, [advanced.id]))[0].n).toBe(0);
    // Enrolling in the prerequisite is not enough; completing it is.
    await ok(t.gql(ENROL, { input: { moduleId: basics.id } }, { token: learner.accessToken }), 'enrol');
    expect(reason(await t.gql(ENROL, { input: { moduleId: advanced.id } }, { token: learner.accessToken }))).toBe('prerequisitesNotMet');
    const done = await ok(t.gql(COMPLETE, { input: { lessonId: basics.lessonIds[0] } }, { token: learner.accessToken }), 'completeLesson');
    expect(done.enrolment.status).toBe('COMPLETED');
    const e = await ok(t.gql(ENROL, { input: { moduleId: advanced.id } }, { token: learner.accessToken }), 'enrol');
    expect(e.status).toBe('ENROLLED');
    expect((await ok(t.gql(MODULE, { slug: advanced.slug }, { token: learner.accessToken }), 'trainingModule')).viewerPrerequisitesMet).toBe(true);
  });

  it('never fills a cohort past its seats under concurrent enrolments; the rest wait in order', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 1, selfPaced: false });
    const cohort = await ok(t.gql(CREATE_COHORT, { input: cohortInput(m.id) }, { token: fac.accessToken }), 'createCohort');
    const learners = await Promise.all(Array.from({ length: 10 }, () => t.signUp()));
    const results = await Promise.all(learners.map((l) => t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: l.accessToken })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const statuses = results.map((r) => r.data!.enrol.status);
    expect(statuses.filter((s) => s === 'ENROLLED')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(7);
    expect(results.map((r) => r.data!.enrol.waitlistPosition).filter((p) => p !== null).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [row] = await t.db.query(`SELECT seats, seats_taken FROM learning_cohorts WHERE id = $1`, [cohort.id]);
    expect(row).toEqual({ seats: 3, seats_taken: 3 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM learning_enrolments WHERE cohort_id = $1 AND status = 'enrolled'`, [cohort.id]);
    expect(n).toBe(3);
    const [listed] = await ok(t.gql(COHORTS, { moduleId: m.id }), 'cohorts');
    expect(listed).toMatchObject({ seatsTaken: 3, seatsLeft: 0, waitlistCount: 7, link: null, viewerCanManage: false });
    // Waitlisted members do not read lessons or record progress.
    const waiting = learners[results.findIndex((r) => r.data!.enrol.status === 'WAITLISTED')];
    expect((await ok(t.gql(LESSON, { id: m.lessonIds[0] }, { token: waiting.accessToken }), 'lesson')).contentHtml).toBeNull();
    const refused = await t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: waiting.accessToken });
    expect([code(refused), reason(refused)]).toEqual(['FORBIDDEN', 'notEnrolled']);
  });

  it('promotes the first on the waitlist when a seat frees, telling them in their language', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 1, selfPaced: false, title: 'Ketahanan finansial' });
    const cohort = await ok(t.gql(CREATE_COHORT, { input: cohortInput(m.id, { seats: 1 }) }, { token: fac.accessToken }), 'createCohort');
    const holder = await t.signUp();
    const first = await t.signUp({ locale: 'id', name: 'Sari Pertama' });
    const second = await t.signUp({ locale: 'es' });
    const held = await ok(t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: holder.accessToken }), 'enrol');
    const w1 = await ok(t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: first.accessToken }), 'enrol');
    const w2 = await ok(t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: second.accessToken }), 'enrol');
    expect([held.status, w1.status, w1.waitlistPosition, w2.waitlistPosition]).toEqual(['ENROLLED', 'WAITLISTED', 1, 2]);

    // Someone else cannot withdraw my enrolment.
    expect(code(await t.gql(WITHDRAW, { id: held.id }, { token: second.accessToken }))).toBe('NOT_FOUND');
    const out = await ok(t.gql(WITHDRAW, { id: held.id }, { token: holder.accessToken }), 'withdraw');
    expect(out.status).toBe('WITHDRAWN');
    const mine = await ok(t.gql(MY, {}, { token: first.accessToken }), 'myEnrolments');
    expect(mine.map((e: any) => [e.id, e.status, e.waitlistPosition])).toEqual([[w1.id, 'ENROLLED', null]]);
    const stillWaiting = await ok(t.gql(MY, {}, { token: second.accessToken }), 'myEnrolments');
    expect(stillWaiting[0]).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect((await t.db.query(`SELECT seats_taken FROM learning_cohorts WHERE id = $1`, [cohort.id]))[0].seats_taken).toBe(1);
    const mail = latestMail(t.mailDir, first.email);
    expect(mail?.subject).toBe('Anda mendapat kursi di April cohort');
    expect(mail?.text).toContain('Ketahanan finansial');
    expect(latestMail(t.mailDir, second.email)).toBeNull();
    const NOTES = `{ notifications(first: 10) { edges { node { kind data { key value } url } } } }`;
    const notes = await ok(t.gql(NOTES, {}, { token: first.accessToken }), 'notifications');
    expect(notes.edges.map((e: any) => e.node)).toEqual([
      { kind: 'learning.waitlist_promoted', data: expect.arrayContaining([{ key: 'moduleTitle', value: 'Ketahanan finansial' }, { key: 'cohortName', value: 'April cohort' }, { key: 'startsOn', value: '2030-04-01' }]), url: `/learn/modules/${m.slug}` },
    ]);
    expect((await ok(t.gql(NOTES, {}, { token: second.accessToken }), 'notifications')).edges).toEqual([]);
    // Withdrawing twice changes nothing; re-enrolling after withdrawing joins the end of the waitlist.
    expect((await ok(t.gql(WITHDRAW, { id: held.id }, { token: holder.accessToken }), 'withdraw')).status).toBe('WITHDRAWN');
    const back = await ok(t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: holder.accessToken }), 'enrol');
    expect([back.status, back.waitlistPosition]).toEqual(['WAITLISTED', 2]);
    // A waitlisted member leaving frees no seat.
    await ok(t.gql(WITHDRAW, { id: w2.id }, { token: second.accessToken }), 'withdraw');
    expect((await t.db.query(`SELECT seats_taken FROM learning_cohorts WHERE id = $1`, [cohort.id]))[0].seats_taken).toBe(1);
    expect((await ok(t.gql(MY, {}, { token: holder.accessToken }), 'myEnrolments'))[0].waitlistPosition).toBe(1);
  });

  it('shows the roster to the cohort’s facilitators and the module’s editors only', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 2, selfPaced: false });
    const coFac = await facilitator(t, await hubId(t, 'ananta-fund'));
    const cohort = await ok(t.gql(CREATE_COHORT, { input: cohortInput(m.id, { seats: 1, facilitatorIds: [coFac.id] }) }, { token: fac.accessToken }), 'createCohort');
    const a = await t.signUp({ name: 'Ayu Roster' });
    const b = await t.signUp({ name: 'Budi Roster' });
    await ok(t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: a.accessToken }), 'enrol');
    await ok(t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: b.accessToken }), 'enrol');
    await ok(t.gql(COMPLETE, { input: { lessonId: m.lessonIds[0] } }, { token: a.accessToken }), 'completeLesson');
    for (const who of [fac, coFac]) {
      const roster = await ok(t.gql(ROSTER, { cohortId: cohort.id }, { token: who.accessToken }), 'cohortRoster');
      expect(roster.map((e: any) => [e.member.name, e.status, e.waitlistPosition, e.progress.percent])).toEqual([
        ['Ayu Roster', 'ENROLLED', null, 50],
        ['Budi Roster', 'WAITLISTED', 1, 0],
      ]);
    }
    const otherFac = await facilitator(t, await hubId(t, 'ananta-fund'));
    expect(code(await t.gql(ROSTER, { cohortId: cohort.id }, { token: otherFac.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ROSTER, { cohortId: cohort.id }, { token: a.accessToken }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ROSTER, { cohortId: '00000000-0000-4000-8000-000000000000' }, { token: fac.accessToken }))).toBe('NOT_FOUND');
    // The cohort's link/place and management flag follow the same rule.
    expect((await ok(t.gql(COHORTS, { moduleId: m.id }, { token: coFac.accessToken }), 'cohorts'))[0].viewerCanManage).toBe(true);
  });

  it('one live enrolment per module, even when asking for two cohorts at once', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 1, selfPaced: false });
    const a = await ok(t.gql(CREATE_COHORT, { input: cohortInput(m.id, { name: 'A' }) }, { token: fac.accessToken }), 'createCohort');
    const b = await ok(t.gql(CREATE_COHORT, { input: cohortInput(m.id, { name: 'B' }) }, { token: fac.accessToken }), 'createCohort');
    const learner = await t.signUp();
    const results = await Promise.all([a.id, b.id, a.id, b.id].map((cohortId) => t.gql(ENROL, { input: { cohortId } }, { token: learner.accessToken })));
    const won = results.filter((r) => !r.errors).map((r) => r.data!.enrol.cohortId);
    expect(new Set(won).size).toBe(1);
    expect(results.filter((r) => r.errors).map((r) => [code(r), reason(r)])).toEqual(Array(4 - won.length).fill(['CONFLICT', 'alreadyEnrolled']));
    const seats = await t.db.query(`SELECT sum(seats_taken)::int AS n FROM learning_cohorts WHERE module_id = $1`, [m.id]);
    expect(seats[0].n).toBe(1);
    expect(code(await t.gql(LESSON, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
  });

  it('keeps a closed enrolment window closed', async () => {
    const m = await publishedModule(t, fac, reSearch, { lessons: 1, selfPaced: false });
    const cohort = await ok(
      t.gql(CREATE_COHORT, { input: cohortInput(m.id, { enrolmentOpensAt: '2029-01-01T00:00:00Z', enrolmentClosesAt: '2029-02-01T00:00:00Z' }) }, { token: fac.accessToken }),
      'createCohort',
    );
    expect(cohort.enrolmentOpen).toBe(false);
    const r = await t.gql(ENROL, { input: { cohortId: cohort.id } }, { token: member.accessToken });
    expect([code(r), reason(r)]).toEqual(['BAD_USER_INPUT', 'enrolmentClosed']);
  });

  it('myEnrolments needs a signed-in member', async () => {
    expect(code(await t.gql(MY, {}))).toBe('UNAUTHENTICATED');
  });
});
