import { Role, RoleScope } from '@anyam/shared/domain';
import { latestMail, startTestApp, TestApp, TestMember } from '../support/test-app';

const PASSWORD = 'anyam-demo-2023';

const OCCURRENCE_FIELDS = `id seriesId originalStart start end timeZone localStart title kind mode onlineUrl cancelled rescheduled note
  viewerCanEdit viewerCanRsvp seatsLeftInPerson seatsLeftOnline viewerRsvp { response waitlisted waitlistPosition }`;
const MEETINGS = `query($filter: MeetingFilter, $first: Int, $after: String) {
  meetings(filter: $filter, first: $first, after: $after) { edges { cursor node { ${OCCURRENCE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const SERIES = `query($id: ID!, $count: Int) { meetingSeries(id: $id) { id title timeZone startLocal rrule sequence visibility onlineUrl viewerCanEdit viewerCanRsvp
  participatingHubIds nextOccurrences(count: $count) { start localStart } } }`;
const OCCURRENCE = `query($seriesId: ID!, $start: DateTime!) { meetingOccurrence(seriesId: $seriesId, start: $start) { ${OCCURRENCE_FIELDS} } }`;
const CREATE = `mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) { id title timeZone startLocal rrule sequence firstStart viewerCanEdit participatingHubIds } }`;
const UPDATE = `mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { id title sequence capacityInPerson } }`;
const CANCEL = `mutation($input: CancelOccurrenceInput!) { cancelOccurrence(input: $input) { ${OCCURRENCE_FIELDS} } }`;
const RESCHEDULE = `mutation($input: RescheduleOccurrenceInput!) { rescheduleOccurrence(input: $input) { ${OCCURRENCE_FIELDS} } }`;
const RSVP = `mutation($input: RsvpInput!) { rsvp(input: $input) { seriesId occurrenceStart response waitlisted waitlistPosition } }`;
const MY = `query($from: DateTime, $to: DateTime) { myMeetings(from: $from, to: $to) { seriesId start title viewerRsvp { response } } }`;

async function waitForMail(dir: string, to: string, ms = 15_000) {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const mail = latestMail(dir, to);
    if (mail) return mail;
  }
  return null;
}

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

describe('meetings API', () => {
  let t: TestApp;
  let dewi: TestMember; // coordinator of Re.Search (Jalin Tenggara)
  let sari: TestMember; // member of Re.Search
  let lucia: TestMember; // coordinator of Fondo Común Andino (Enlaza Sur)
  let ana: TestMember; // member of Cuidado Colectivo Quito only
  let admin: TestMember;
  const hubs = new Map<string, { id: string; regionId: string }>();

  const seriesInput = (overrides: Record<string, unknown> = {}) => ({
    title: 'Weekly check-in',
    kind: 'regional',
    organisingHubId: hubs.get('re-search')!.id,
    timeZone: 'America/Santiago',
    startLocal: '2026-03-03T09:00',
    durationMinutes: 60,
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    mode: 'online',
    onlineUrl: 'https://meet.example.org/weekly',
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}, who: TestMember = dewi) {
    const r = await t.gql(CREATE, { input: seriesInput(overrides) }, { token: who.accessToken });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createMeetingSeries as { id: string; sequence: number; firstStart: string };
  }

  const seriesCount = async () => (await t.db.query('SELECT count(*)::int AS n FROM meeting_series'))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    [dewi, sari, lucia, ana, admin] = await Promise.all(
      ['dewi', 'sari', 'lucia', 'ana', 'admin'].map((n) => t.signIn(`${n}@anyam.test`, PASSWORD)),
    );
    for (const row of await t.db.query('SELECT id, slug, region_id FROM hubs')) hubs.set(row.slug, { id: row.id, regionId: row.region_id });
  });
  afterAll(() => t.close());

  describe('demo data', () => {
    it('holds the monthly meeting of each alliance at its local time, seen in any zone', async () => {
      const r = await t.gql(MEETINGS, { filter: { kind: 'regional', from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' } });
      const nodes = r.data!.meetings.edges.map((e: any) => e.node);
      const jalin = nodes.find((n: any) => n.title.startsWith('Jalin Tenggara'));
      const enlaza = nodes.find((n: any) => n.title.startsWith('Enlaza Sur'));
      // Second Tuesday of March 2027 is the 9th; first Thursday is the 4th.
      expect(jalin).toMatchObject({ localStart: '2027-03-09T09:00:00+07:00', start: '2027-03-09T02:00:00.000Z', timeZone: 'Asia/Jakarta' });
      expect(enlaza).toMatchObject({ localStart: '2027-03-04T09:00:00-05:00', start: '2027-03-04T14:00:00.000Z', timeZone: 'America/Lima' });
      // Visitors see the meetings but never the link.
      expect(jalin.onlineUrl).toBeNull();
      expect(jalin.viewerCanRsvp).toBe(false);
    });

    it('shows the hubs-only inter-hub meeting to members of its hubs only', async () => {
      const filter = { kind: 'inter_hub', from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' };
      const titles = async (token?: string) =>
        (await t.gql(MEETINGS, { filter }, { token })).data!.meetings.edges.map((e: any) => e.node.title as string);
      expect(await titles()).toEqual([]);
      expect(await titles(ana.accessToken)).toEqual([]);
      const forSari = await titles(sari.accessToken);
      expect(forSari.length).toBe(4);
      const forLucia = await t.gql(MEETINGS, { filter }, { token: lucia.accessToken });
      const first = forLucia.data!.meetings.edges[0].node;
      expect(first.onlineUrl).toBe('https://meet.example.org/re-search-fondo-comun');
      expect(first.viewerCanEdit).toBe(false); // lucia takes part but does not organise
      const id = first.seriesId;
      expect(code(await t.gql(SERIES, { id }))).toBe('NOT_FOUND');
      expect(code(await t.gql(SERIES, { id }, { token: ana.accessToken }))).toBe('NOT_FOUND');
      expect(code(await t.gql(OCCURRENCE, { seriesId: id, start: first.start }, { token: ana.accessToken }))).toBe('NOT_FOUND');
      expect(code(await t.gql(RSVP, { input: { seriesId: id, wholeSeries: true, response: 'going_online' } }, { token: ana.accessToken }))).toBe('NOT_FOUND');
      expect((await t.gql(SERIES, { id }, { token: dewi.accessToken })).data!.meetingSeries.viewerCanEdit).toBe(true);
    });
  });

  describe('createMeetingSeries', () => {
    it('lets the coordinator of the organising hub create a series', async () => {
      const r = await t.gql(CREATE, { input: seriesInput({ participatingHubIds: [hubs.get('fondo-comun-andino')!.id] }) }, { token: dewi.accessToken });
      expect(r.errors).toBeUndefined();
      expect(r.data!.createMeetingSeries).toMatchObject({ timeZone: 'America/Santiago', startLocal: '2026-03-03T09:00:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', sequence: 0, viewerCanEdit: true });
      expect(r.data!.createMeetingSeries.participatingHubIds).toHaveLength(2);
    });

    it('refuses members, visitors and coordinators of another hub', async () => {
      const before = await seriesCount();
      expect(code(await t.gql(CREATE, { input: seriesInput() }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await t.gql(CREATE, { input: seriesInput() })));
      const r = await t.gql(CREATE, { input: seriesInput() }, { token: lucia.accessToken });
      expect(code(r)).toBe('FORBIDDEN');
      expect(r.errors![0].message).toMatch(/coordinators of the organising hub/);
      expect(await seriesCount()).toBe(before);
    });

    it('lets a network admin create for any hub', async () => {
      const r = await t.gql(CREATE, { input: seriesInput({ organisingHubId: hubs.get('voces-andinas')!.id, timeZone: 'America/La_Paz' }) }, { token: admin.accessToken });
      expect(r.errors).toBeUndefined();
    });

    it.each([
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', /time zone/],
      [{ rrule: 'every tuesday' }, 'rrule', /repeat rule is not valid/],
      [{ rrule: 'FREQ=HOURLY' }, 'rrule', /needs an end/],
      [{ rrule: 'FREQ=WEEKLY;UNTIL=20250101T000000Z' }, 'rrule', /ends \(UNTIL\) before the first meeting/],
      [{ durationMinutes: 0 }, 'durationMinutes', /at least one minute/],
      [{ startLocal: '2026-02-30T09:00' }, 'startLocal', /local date and time/],
      [{ capacityOnline: -1 }, 'capacityOnline', /at least 0/],
      [{ mode: 'hybrid' }, 'place', /need a place/],
      [{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', /web address/],
      [{ title: '   ' }, 'title', /cannot be empty/],
    ])('answers BAD_USER_INPUT for %j and changes nothing', async (overrides, field, message) => {
      const before = await seriesCount();
      const r = await t.gql(CREATE, { input: seriesInput(overrides) }, { token: dewi.accessToken });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe(field);
      expect(r.errors![0].message).toMatch(message);
      expect(await seriesCount()).toBe(before);
    });
  });

  it('keeps a weekly 09:00 America/Santiago series at 09:00 local across both 2026 daylight-saving changes', async () => {
    const s = await create({ title: 'Santiago DST check', organisingHubId: hubs.get('reach')!.id }, admin);
    const r = await t.gql(MEETINGS, { filter: { hubId: hubs.get('reach')!.id, from: '2026-03-01T00:00:00Z', to: '2026-10-01T00:00:00Z' }, first: 50 });
    const nodes = r.data!.meetings.edges.map((e: any) => e.node).filter((n: any) => n.seriesId === s.id);
    expect(nodes).toHaveLength(31);
    for (const n of nodes) expect(n.localStart).toMatch(/T09:00:00-0[34]:00$/);
    const byDay = (d: string) => nodes.find((n: any) => n.localStart.startsWith(d)).start;
    expect(byDay('2026-03-31')).toBe('2026-03-31T12:00:00.000Z'); // UTC−3 (summer time)
    expect(byDay('2026-04-07')).toBe('2026-04-07T13:00:00.000Z'); // UTC−4 after 5 April
    expect(byDay('2026-09-08')).toBe('2026-09-08T12:00:00.000Z'); // UTC−3 again after 6 September
    // Keyset pages give the same list.
    const page1 = await t.gql(MEETINGS, { filter: { hubId: hubs.get('reach')!.id, from: '2026-03-01T00:00:00Z', to: '2026-10-01T00:00:00Z' }, first: 20 });
    const page2 = await t.gql(MEETINGS, {
      filter: { hubId: hubs.get('reach')!.id, from: '2026-03-01T00:00:00Z', to: '2026-10-01T00:00:00Z' },
      first: 20,
      after: page1.data!.meetings.pageInfo.endCursor,
    });
    const paged = [...page1.data!.meetings.edges, ...page2.data!.meetings.edges].map((e: any) => e.node.id);
    expect(paged).toEqual(r.data!.meetings.edges.map((e: any) => e.node.id));
    expect(page2.data!.meetings.pageInfo.hasNextPage).toBe(false);
  });

  describe('updateMeetingSeries', () => {
    it('bumps the sequence for the coordinator and refuses others', async () => {
      const s = await create({ title: 'To update' });
      const r = await t.gql(UPDATE, { input: { id: s.id, title: 'Updated' } }, { token: dewi.accessToken });
      expect(r.data!.updateMeetingSeries).toMatchObject({ title: 'Updated', sequence: 1 });
      const denied = await t.gql(UPDATE, { input: { id: s.id, title: 'Hijacked' } }, { token: lucia.accessToken });
      expect(code(denied)).toBe('FORBIDDEN');
      const bad = await t.gql(UPDATE, { input: { id: s.id, timeZone: 'Nowhere/Land' } }, { token: dewi.accessToken });
      expect(code(bad)).toBe('BAD_USER_INPUT');
      const after = await t.gql(SERIES, { id: s.id }, { token: dewi.accessToken });
      expect(after.data!.meetingSeries).toMatchObject({ title: 'Updated', sequence: 1, timeZone: 'America/Santiago' });
    });
  });

  describe('cancelOccurrence and rescheduleOccurrence', () => {
    it('cancels one meeting and moves another; the list follows', async () => {
      const s = await create({ title: 'Monthly second Tuesday', timeZone: 'Asia/Jakarta', startLocal: '2027-01-12T09:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' });
      const feb = '2027-02-09T02:00:00.000Z';
      const mar = '2027-03-09T02:00:00.000Z';
      expect(code(await t.gql(CANCEL, { input: { seriesId: s.id, occurrenceStart: feb } }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(CANCEL, { input: { seriesId: s.id, occurrenceStart: '2027-02-10T02:00:00.000Z' } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      const c = await t.gql(CANCEL, { input: { seriesId: s.id, occurrenceStart: feb, note: 'Holiday' } }, { token: dewi.accessToken });
      expect(c.data!.cancelOccurrence).toMatchObject({ cancelled: true, note: 'Holiday' });

      const badMove = await t.gql(RESCHEDULE, { input: { seriesId: s.id, occurrenceStart: mar, newStart: '2027-03-11T03:00:00Z', newEnd: '2027-03-11T02:00:00Z' } }, { token: dewi.accessToken });
      expect(code(badMove)).toBe('BAD_USER_INPUT');
      expect(badMove.errors![0].message).toMatch(/end must be after the start/);
      expect(code(await t.gql(RESCHEDULE, { input: { seriesId: s.id, occurrenceStart: mar, newStart: '2027-03-11T03:00:00Z', newEnd: '2027-03-11T04:00:00Z' } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      const m = await t.gql(RESCHEDULE, { input: { seriesId: s.id, occurrenceStart: mar, newStart: '2027-03-11T03:00:00Z', newEnd: '2027-03-11T04:00:00Z', note: 'Thursday this time' } }, { token: dewi.accessToken });
      expect(m.data!.rescheduleOccurrence).toMatchObject({ start: '2027-03-11T03:00:00.000Z', end: '2027-03-11T04:00:00.000Z', originalStart: mar, rescheduled: true, localStart: '2027-03-11T10:00:00+07:00' });

      const list = await t.gql(MEETINGS, { filter: { hubId: hubs.get('re-search')!.id, from: '2027-01-01T00:00:00Z', to: '2027-05-01T00:00:00Z' }, first: 50 });
      const starts = list.data!.meetings.edges.map((e: any) => e.node).filter((n: any) => n.seriesId === s.id).map((n: any) => n.start);
      expect(starts).toEqual(['2027-01-12T02:00:00.000Z', '2027-03-11T03:00:00.000Z', '2027-04-13T02:00:00.000Z']);
      const series = await t.gql(SERIES, { id: s.id }, { token: dewi.accessToken });
      expect(series.data!.meetingSeries.sequence).toBe(2);
      // The moved meeting is found by its new start too.
      expect((await t.gql(OCCURRENCE, { seriesId: s.id, start: '2027-03-11T03:00:00Z' })).data!.meetingOccurrence.originalStart).toBe(mar);
    });
  });

  describe('rsvp', () => {
    it('never gives more seats than capacity under 10 concurrent answers, and promotes the waitlist', async () => {
      const s = await create({ title: 'Small room', mode: 'in_person', place: 'Surabaya', onlineUrl: null, capacityInPerson: 3, timeZone: 'Asia/Jakarta', startLocal: '2027-02-02T09:00', rrule: 'FREQ=WEEKLY;COUNT=4' });
      const start = '2027-02-02T02:00:00.000Z';
      const people = await Promise.all(Array.from({ length: 10 }, () => t.signUp()));
      const results = await Promise.all(
        people.map((p) => t.gql(RSVP, { input: { seriesId: s.id, occurrenceStart: start, response: 'going_in_person' } }, { token: p.accessToken })),
      );
      expect(results.every((r) => !r.errors)).toBe(true);
      const seated = results.filter((r) => !r.data!.rsvp.waitlisted);
      expect(seated).toHaveLength(3);
      const positions = results.filter((r) => r.data!.rsvp.waitlisted).map((r) => r.data!.rsvp.waitlistPosition).sort((a, b) => a - b);
      expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rsvps WHERE series_id = $1 AND NOT waitlisted`, [s.id]);
      expect(n).toBe(3);
      const occ = await t.gql(OCCURRENCE, { seriesId: s.id, start }, { token: people[0].accessToken });
      expect(occ.data!.meetingOccurrence.seatsLeftInPerson).toBe(0);

      // Capacity cannot drop below the seats taken.
      const lower = await t.gql(UPDATE, { input: { id: s.id, capacityInPerson: 2 } }, { token: dewi.accessToken });
      expect(code(lower)).toBe('BAD_USER_INPUT');
      expect(lower.errors![0].message).toMatch(/3 people already have a seat/);

      // A seated person cancels: the first on the waitlist gets the seat and an e-mail.
      const leaving = people[results.findIndex((r) => !r.data!.rsvp.waitlisted)];
      const firstWaiting = people[results.findIndex((r) => r.data!.rsvp.waitlistPosition === 1)];
      const left = await t.gql(RSVP, { input: { seriesId: s.id, occurrenceStart: start, response: 'not_going' } }, { token: leaving.accessToken });
      expect(left.errors).toBeUndefined();
      expect(left.data!.rsvp).toMatchObject({ response: 'not_going', waitlisted: false });
      const mine = await t.gql(OCCURRENCE, { seriesId: s.id, start }, { token: firstWaiting.accessToken });
      expect(mine.data!.meetingOccurrence.viewerRsvp).toMatchObject({ response: 'going_in_person', waitlisted: false, waitlistPosition: null });
      expect(mine.data!.meetingOccurrence.seatsLeftInPerson).toBe(0);
      // Told by a durable background job, in their language, shortly after.
      expect((await waitForMail(t.mailDir, firstWaiting.email))?.subject).toMatch(/You have a seat: Small room/);
      const [{ seatedNow }] = await t.db.query(`SELECT count(*)::int AS "seatedNow" FROM rsvps WHERE series_id = $1 AND NOT waitlisted AND response = 'going_in_person'`, [s.id]);
      expect(seatedNow).toBe(3);

      // Raising capacity promotes the next ones.
      await t.gql(UPDATE, { input: { id: s.id, capacityInPerson: 5 } }, { token: dewi.accessToken });
      const [{ seated5 }] = await t.db.query(`SELECT count(*)::int AS seated5 FROM rsvps WHERE series_id = $1 AND NOT waitlisted AND response = 'going_in_person'`, [s.id]);
      expect(seated5).toBe(5);
    });

    it('answers for the whole series, lists it in my meetings, and refuses visitors and bad input', async () => {
      const s = await create({ title: 'Open online circle', timeZone: 'America/Lima', startLocal: '2027-01-07T09:00', rrule: 'FREQ=MONTHLY;BYDAY=1TH' });
      const r = await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'going_online' } }, { token: ana.accessToken });
      expect(r.data!.rsvp).toMatchObject({ occurrenceStart: null, response: 'going_online', waitlisted: false });
      const my = await t.gql(MY, { from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z' }, { token: ana.accessToken });
      expect(my.data!.myMeetings.filter((m: any) => m.seriesId === s.id).map((m: any) => m.start)).toEqual([
        '2027-01-07T14:00:00.000Z',
        '2027-02-04T14:00:00.000Z',
        '2027-03-04T14:00:00.000Z',
      ]);
      // Not going to one of them: it leaves my meetings, the others stay.
      await t.gql(RSVP, { input: { seriesId: s.id, occurrenceStart: '2027-02-04T14:00:00Z', response: 'not_going' } }, { token: ana.accessToken });
      const my2 = await t.gql(MY, { from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z' }, { token: ana.accessToken });
      expect(my2.data!.myMeetings.filter((m: any) => m.seriesId === s.id)).toHaveLength(2);
      const attending = await t.gql(MEETINGS, { filter: { attending: true, from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z' } }, { token: ana.accessToken });
      expect(attending.data!.meetings.edges.map((e: any) => e.node.start)).toEqual(['2027-01-07T14:00:00.000Z', '2027-03-04T14:00:00.000Z']);
      expect(attending.data!.meetings.edges[0].node.viewerRsvp).toMatchObject({ response: 'going_online' });
      const visitorAttending = await t.gql(MEETINGS, { filter: { attending: true } });
      expect(visitorAttending.data!.meetings.edges).toEqual([]);

      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'maybe' } })));
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await t.gql(MY, {})));
      const both = await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, occurrenceStart: '2027-01-07T14:00:00Z', response: 'maybe' } }, { token: ana.accessToken });
      expect(code(both)).toBe('BAD_USER_INPUT');
      const notOne = await t.gql(RSVP, { input: { seriesId: s.id, occurrenceStart: '2027-01-08T14:00:00Z', response: 'maybe' } }, { token: ana.accessToken });
      expect(code(notOne)).toBe('BAD_USER_INPUT');
      const inPerson = await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'going_in_person' } }, { token: ana.accessToken });
      expect(inPerson.errors![0].message).toMatch(/cannot be attended in person/);
      const past = await t.gql(RSVP, { input: { seriesId: s.id, occurrenceStart: '2027-01-07T14:00:00Z', response: 'maybe' } }, { token: ana.accessToken });
      expect(past.errors).toBeUndefined();
    });

    it('hides a hubs-only series from a visitor and from a member of another hub', async () => {
      const s = await create({ title: 'Re.Search members only', visibility: 'hubs', startLocal: '2027-01-05T09:00' });
      const filter = { hubId: hubs.get('re-search')!.id, from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' };
      const ids = async (token?: string) => (await t.gql(MEETINGS, { filter }, { token })).data!.meetings.edges.map((e: any) => e.node.seriesId);
      expect(await ids()).not.toContain(s.id);
      expect(await ids(lucia.accessToken)).not.toContain(s.id);
      expect(await ids(sari.accessToken)).toContain(s.id);
      // A member who joins the hub sees it at once (role_grants, not the token).
      const newcomer = await t.signUp();
      expect(await ids(newcomer.accessToken)).not.toContain(s.id);
      await t.grantRole(newcomer, Role.Member, RoleScope.Hub, hubs.get('re-search')!.id);
      expect(await ids(newcomer.accessToken)).toContain(s.id);
    });
  });
  describe('recordAttendance', () => {
    const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { memberId status } }`;
    const ATTENDANCE = `query($seriesId: ID!, $start: DateTime!) { meetingOccurrence(seriesId: $seriesId, start: $start) { attendance { memberId status } } }`;

    it('lets organisers record who came once the meeting has started, and nobody else', async () => {
      const s = await create({ title: 'Attendance check', timeZone: 'Asia/Jakarta', startLocal: '2026-03-10T09:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=60' });
      const past = '2026-03-10T02:00:00.000Z';
      const input = { seriesId: s.id, occurrenceStart: past, entries: [{ memberId: sari.id, status: 'present_online' }, { memberId: ana.id, status: 'absent' }] };
      const r = await t.gql(RECORD, { input }, { token: dewi.accessToken });
      expect(r.errors).toBeUndefined();
      expect(r.data!.recordAttendance).toHaveLength(2);
      // Recording again replaces a member's entry.
      await t.gql(RECORD, { input: { ...input, entries: [{ memberId: ana.id, status: 'present_in_person' }] } }, { token: dewi.accessToken });
      const seen = await t.gql(ATTENDANCE, { seriesId: s.id, start: past }, { token: dewi.accessToken });
      expect(seen.data!.meetingOccurrence.attendance).toEqual(
        expect.arrayContaining([{ memberId: sari.id, status: 'present_online' }, { memberId: ana.id, status: 'present_in_person' }]),
      );
      expect((await t.gql(ATTENDANCE, { seriesId: s.id, start: past }, { token: sari.accessToken })).data!.meetingOccurrence.attendance).toBeNull();
      expect(code(await t.gql(RECORD, { input }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(RECORD, { input }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      const future = await t.gql(RECORD, { input: { ...input, occurrenceStart: '2030-03-12T02:00:00.000Z' } }, { token: dewi.accessToken });
      expect(code(future)).toBe('BAD_USER_INPUT');
      expect(future.errors![0].message).toMatch(/once the meeting has started/);
      const unknown = await t.gql(RECORD, { input: { ...input, entries: [{ memberId: '00000000-0000-4000-8000-000000000000', status: 'absent' }] } }, { token: dewi.accessToken });
      expect(code(unknown)).toBe('BAD_USER_INPUT');
    });
  });
  describe('setAgenda and saveMinutes', () => {
    const SET = `mutation($input: SetAgendaInput!) { setAgenda(input: $input) { agenda { title presenter minutesAllotted } } }`;
    const SAVE = `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { minutes agenda { title } } }`;
    const NOTES = `query($seriesId: ID!, $start: DateTime!) { meetingOccurrence(seriesId: $seriesId, start: $start) { agenda { title presenter minutesAllotted } minutes } }`;

    it('lets organisers set the agenda and minutes that every viewer of the meeting then reads', async () => {
      const s = await create({ title: 'Agenda check', timeZone: 'Asia/Jakarta', startLocal: '2027-01-12T09:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' });
      const start = '2027-02-09T02:00:00.000Z';
      const items = [
        { title: 'News from each hub', presenter: 'Dewi', minutesAllotted: 20 },
        { title: 'Diversifying funding', presenter: null, minutesAllotted: null },
      ];
      const set = await t.gql(SET, { input: { seriesId: s.id, occurrenceStart: start, items } }, { token: dewi.accessToken });
      expect(set.errors).toBeUndefined();
      expect(set.data!.setAgenda.agenda).toEqual(items);
      const saved = await t.gql(SAVE, { input: { seriesId: s.id, occurrenceStart: start, minutes: '# Minutes\n- agreed to meet again' } }, { token: dewi.accessToken });
      expect(saved.data!.saveMinutes).toMatchObject({ minutes: '# Minutes\n- agreed to meet again', agenda: [{ title: 'News from each hub' }, { title: 'Diversifying funding' }] });
      const visitor = await t.gql(NOTES, { seriesId: s.id, start });
      expect(visitor.data!.meetingOccurrence.agenda).toHaveLength(2);
      expect(visitor.data!.meetingOccurrence.minutes).toMatch(/agreed/);
      expect((await t.gql(NOTES, { seriesId: s.id, start: '2027-03-09T02:00:00.000Z' })).data!.meetingOccurrence).toEqual({ agenda: [], minutes: null });

      expect(code(await t.gql(SET, { input: { seriesId: s.id, occurrenceStart: start, items: [] } }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(SAVE, { input: { seriesId: s.id, occurrenceStart: start, minutes: 'x' } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      const bad = await t.gql(SET, { input: { seriesId: s.id, occurrenceStart: start, items: [{ title: ' ' }] } }, { token: dewi.accessToken });
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].message).toMatch(/needs a title/);
      expect(code(await t.gql(SET, { input: { seriesId: s.id, occurrenceStart: '2027-02-10T02:00:00.000Z', items: [] } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      expect((await t.gql(NOTES, { seriesId: s.id, start })).data!.meetingOccurrence.agenda).toHaveLength(2);
    });
  });
  describe('addActionItem and updateActionItem', () => {
    const ADD = `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id description ownerId dueOn status viewerCanEdit } }`;
    const UPD = `mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id description status dueOn } }`;
    const ITEMS = `query($seriesId: ID!, $start: DateTime!) { meetingOccurrence(seriesId: $seriesId, start: $start) { actionItems { description ownerId status viewerCanEdit } } }`;

    it('lets organisers add and edit action items and owners move their status', async () => {
      const s = await create({ title: 'Actions check', timeZone: 'Asia/Jakarta', startLocal: '2027-01-12T09:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' });
      const start = '2027-01-12T02:00:00.000Z';
      const add = await t.gql(ADD, { input: { seriesId: s.id, occurrenceStart: start, description: 'Share the donor map', ownerId: sari.id, dueOn: '2027-02-01' } }, { token: dewi.accessToken });
      expect(add.errors).toBeUndefined();
      expect(add.data!.addActionItem).toMatchObject({ description: 'Share the donor map', ownerId: sari.id, dueOn: '2027-02-01', status: 'open' });
      const id = add.data!.addActionItem.id;

      expect(code(await t.gql(ADD, { input: { seriesId: s.id, occurrenceStart: start, description: 'x' } }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      for (const bad of [{ description: '  ' }, { description: 'ok', dueOn: '2027-02-30' }, { description: 'ok', ownerId: '00000000-0000-4000-8000-000000000000' }]) {
        expect(code(await t.gql(ADD, { input: { seriesId: s.id, occurrenceStart: start, ...bad } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      }

      // The owner moves the status, but cannot rewrite the item; others cannot touch it.
      expect((await t.gql(UPD, { input: { id, status: 'done' } }, { token: sari.accessToken })).data!.updateActionItem.status).toBe('done');
      expect(code(await t.gql(UPD, { input: { id, description: 'Rewritten' } }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(UPD, { input: { id, status: 'open' } }, { token: lucia.accessToken }))).toBe('FORBIDDEN');
      expect((await t.gql(UPD, { input: { id, description: 'Share the donor map with Enlaza Sur', dueOn: '' } }, { token: dewi.accessToken })).data!.updateActionItem).toMatchObject({
        description: 'Share the donor map with Enlaza Sur',
        dueOn: null,
        status: 'done',
      });
      const listed = await t.gql(ITEMS, { seriesId: s.id, start });
      expect(listed.data!.meetingOccurrence.actionItems).toEqual([{ description: 'Share the donor map with Enlaza Sur', ownerId: sari.id, status: 'done', viewerCanEdit: false }]);
      expect((await t.gql(ITEMS, { seriesId: s.id, start }, { token: sari.accessToken })).data!.meetingOccurrence.actionItems[0].viewerCanEdit).toBe(true);
    });
  });
});
