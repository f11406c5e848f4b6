import { Role, RoleScope } from '@anyam/shared/domain';
import { startTestApp, TestApp, TestMember } from '../support/test-app';

const PASSWORD = 'anyam-demo-2023';

const CREATE = `mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) { id firstStart } }`;
const SERIES = `query($id: ID!) { meetingSeries(id: $id) { id title visibility viewerCanRsvp onlineUrl invitees { memberId name invitedAt } } }`;
const MEETINGS = `query($filter: MeetingFilter) { meetings(filter: $filter, first: 100) { edges { node { seriesId title } } } }`;
const OCCURRENCE = `query($seriesId: ID!, $start: DateTime!) { meetingOccurrence(seriesId: $seriesId, start: $start) {
  id title minutes minutesThreadId minutesThreadPath minutesPublishedAt
  hubLocalStarts { hubId hubName timeZone localStart dayOffset } } }`;
const MY = `query($from: DateTime, $to: DateTime) { myMeetings(from: $from, to: $to) { seriesId } }`;
const INVITE = `mutation($seriesId: ID!, $memberIds: [ID!]!) { inviteToMeeting(seriesId: $seriesId, memberIds: $memberIds) { id invitees { memberId name } } }`;
const UNINVITE = `mutation($seriesId: ID!, $memberIds: [ID!]!) { uninviteFromMeeting(seriesId: $seriesId, memberIds: $memberIds) { id invitees { memberId } } }`;
const RSVP = `mutation($input: RsvpInput!) { rsvp(input: $input) { response waitlisted } }`;
const TOKEN = `mutation { regenerateCalendarToken { path } }`;
const SAVE_MINUTES = `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id minutes } }`;
const PUBLISH = `mutation($input: PublishMinutesInput!) { publishMinutes(input: $input) { id minutesThreadId minutesThreadPath minutesPublishedAt } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { id title group { slug } posts(first: 5) { edges { node { bodyMarkdown } } } } }`;

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

describe('meetings: invitations, published minutes, hub local times', () => {
  let t: TestApp;
  let dewi: TestMember; // coordinator of Re.Search
  let sari: TestMember; // member of Re.Search
  let lucia: TestMember; // coordinator of Fondo Común Andino
  let ana: TestMember; // member of Cuidado Colectivo Quito
  let admin: TestMember;
  const hubs = new Map<string, string>();
  const window = { from: '2027-01-01T00:00:00Z', to: '2027-12-01T00:00:00Z' };

  async function create(overrides: Record<string, unknown>, who: TestMember = dewi) {
    const r = await t.gql(
      CREATE,
      {
        input: {
          title: 'Board of the savings circle',
          kind: 'other',
          organisingHubId: hubs.get('re-search'),
          timeZone: 'Asia/Jakarta',
          startLocal: '2027-02-03T10:00',
          durationMinutes: 60,
          rrule: 'FREQ=MONTHLY;COUNT=6',
          mode: 'online',
          onlineUrl: 'https://meet.example.org/board',
          ...overrides,
        },
      },
      { token: who.accessToken },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createMeetingSeries as { id: string; firstStart: string };
  }

  const titles = async (token?: string) =>
    (await t.gql(MEETINGS, { filter: window }, { token })).data!.meetings.edges.map((e: any) => e.node.title as string);

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    [dewi, sari, lucia, ana, admin] = await Promise.all(['dewi', 'sari', 'lucia', 'ana', 'admin'].map((n) => t.signIn(`${n}@anyam.test`, PASSWORD)));
    for (const row of await t.db.query('SELECT id, slug FROM hubs')) hubs.set(row.slug, row.id);
  });
  afterAll(() => t.close());

  describe('visibility invited', () => {
    let s: { id: string; firstStart: string };
    const title = 'Invited-only board meeting';

    beforeAll(async () => {
      s = await create({ title, visibility: 'invited' });
    });

    it('hides an invited meeting from everyone but its organisers and admins until someone is invited', async () => {
      expect(await titles()).not.toContain(title);
      expect(await titles(sari.accessToken)).not.toContain(title); // a member of the organising hub is not enough
      expect(await titles(ana.accessToken)).not.toContain(title);
      expect(await titles(dewi.accessToken)).toContain(title);
      expect(await titles(admin.accessToken)).toContain(title);
      for (const token of [undefined, sari.accessToken, ana.accessToken]) {
        expect(code(await t.gql(SERIES, { id: s.id }, { token }))).toBe('NOT_FOUND');
        expect(code(await t.gql(OCCURRENCE, { seriesId: s.id, start: s.firstStart }, { token }))).toBe('NOT_FOUND');
      }
      expect(code(await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'going_online' } }, { token: sari.accessToken }))).toBe('NOT_FOUND');
      // Never in the public feeds.
      const hubFeed = await (await fetch(`${t.url}/ical/hubs/re-search.ics`)).text();
      expect(hubFeed).toContain('BEGIN:VCALENDAR');
      expect(hubFeed).not.toContain(title);
      expect(hubFeed).not.toContain(s.id);
    });

    it('lets only the organisers invite, and refuses bad input without changing anything', async () => {
      // A member is no coordinator at all; a coordinator of another hub cannot even see the meeting.
      expect(code(await t.gql(INVITE, { seriesId: s.id, memberIds: [ana.id] }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(INVITE, { seriesId: s.id, memberIds: [ana.id] }, { token: lucia.accessToken }))).toBe('NOT_FOUND');
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await t.gql(INVITE, { seriesId: s.id, memberIds: [ana.id] })));
      for (const memberIds of [[], ['00000000-0000-4000-8000-000000000000'], ['not-a-member']]) {
        const r = await t.gql(INVITE, { seriesId: s.id, memberIds }, { token: dewi.accessToken });
        expect(code(r)).toBe('BAD_USER_INPUT');
        expect(r.errors![0].extensions!.field).toBe('memberIds');
      }
      expect(code(await t.gql(INVITE, { seriesId: '00000000-0000-4000-8000-000000000000', memberIds: [ana.id] }, { token: dewi.accessToken }))).toBe('NOT_FOUND');
      expect(await t.db.query(`SELECT 1 FROM meeting_invitations WHERE series_id = $1`, [s.id])).toHaveLength(0);
    });

    it('shows the meeting to an invitee (queries, RSVP, private feed) and takes it all back on uninvite', async () => {
      const invited = await t.gql(INVITE, { seriesId: s.id, memberIds: [ana.id, ana.id] }, { token: dewi.accessToken });
      expect(invited.errors).toBeUndefined();
      expect(invited.data!.inviteToMeeting.invitees).toEqual([{ memberId: ana.id, name: expect.any(String) }]);
      expect(await titles(ana.accessToken)).toContain(title);
      expect(await titles(sari.accessToken)).not.toContain(title);
      const seen = await t.gql(SERIES, { id: s.id }, { token: ana.accessToken });
      expect(seen.data!.meetingSeries).toMatchObject({ visibility: 'invited', viewerCanRsvp: true, onlineUrl: 'https://meet.example.org/board', invitees: null });
      expect((await t.gql(SERIES, { id: s.id }, { token: dewi.accessToken })).data!.meetingSeries.invitees).toHaveLength(1);

      expect((await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'going_online' } }, { token: ana.accessToken })).errors).toBeUndefined();
      const my = await t.gql(MY, window, { token: ana.accessToken });
      expect(my.data!.myMeetings.filter((m: any) => m.seriesId === s.id)).toHaveLength(6);
      const feedPath = (await t.gql(TOKEN, {}, { token: ana.accessToken })).data!.regenerateCalendarToken.path;
      expect(await (await fetch(`${t.url}${feedPath}`)).text()).toContain(title);

      // Only organisers take invitations back.
      expect(code(await t.gql(UNINVITE, { seriesId: s.id, memberIds: [ana.id] }, { token: ana.accessToken }))).toBe('FORBIDDEN');
      expect(code(await t.gql(UNINVITE, { seriesId: s.id, memberIds: [] }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      const back = await t.gql(UNINVITE, { seriesId: s.id, memberIds: [ana.id] }, { token: dewi.accessToken });
      expect(back.data!.uninviteFromMeeting.invitees).toEqual([]);
      expect(await titles(ana.accessToken)).not.toContain(title);
      expect(code(await t.gql(SERIES, { id: s.id }, { token: ana.accessToken }))).toBe('NOT_FOUND');
      expect((await t.gql(MY, window, { token: ana.accessToken })).data!.myMeetings.filter((m: any) => m.seriesId === s.id)).toHaveLength(0);
      expect(await (await fetch(`${t.url}${feedPath}`)).text()).not.toContain(title);
      // Her answers for meetings ahead are gone (seats go back to others).
      expect(await t.db.query(`SELECT 1 FROM rsvps WHERE series_id = $1 AND member_id = $2`, [s.id, ana.id])).toHaveLength(0);
    });
  });

  it('turning a hubs meeting into an invited one drops the answers of members who can no longer see it and seats the waitlist', async () => {
    const UPDATE = `mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) { visibility } }`;
    const s = await create({ title: 'Closing circle', visibility: 'hubs', capacityOnline: 1, rrule: 'FREQ=MONTHLY;COUNT=3' });
    expect((await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'going_online' } }, { token: sari.accessToken })).data!.rsvp.waitlisted).toBe(false);
    const guest = await t.signUp();
    await t.gql(INVITE, { seriesId: s.id, memberIds: [guest.id] }, { token: dewi.accessToken });
    expect(code(await t.gql(SERIES, { id: s.id }, { token: guest.accessToken }))).toBe('NOT_FOUND'); // hubs: invitations do not matter
    expect(code(await t.gql(UPDATE, { input: { id: s.id, visibility: 'invited' } }, { token: sari.accessToken }))).toBe('FORBIDDEN');

    await t.gql(UPDATE, { input: { id: s.id, visibility: 'invited' } }, { token: dewi.accessToken });
    expect((await t.gql(RSVP, { input: { seriesId: s.id, wholeSeries: true, response: 'going_online' } }, { token: guest.accessToken })).data!.rsvp.waitlisted).toBe(false);
    expect(code(await t.gql(SERIES, { id: s.id }, { token: sari.accessToken }))).toBe('NOT_FOUND');
    expect(await t.db.query(`SELECT member_id FROM rsvps WHERE series_id = $1`, [s.id])).toEqual([{ member_id: guest.id }]);
  });

  describe('publishMinutes', () => {
    let s: { id: string; firstStart: string };

    beforeAll(async () => {
      s = await create({ title: 'Hub check-in with minutes' });
    });

    it('refuses members, visitors, unsaved minutes and dates the series does not have', async () => {
      const input = { seriesId: s.id, occurrenceStart: s.firstStart };
      expect(code(await t.gql(PUBLISH, { input }, { token: sari.accessToken }))).toBe('FORBIDDEN');
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await t.gql(PUBLISH, { input })));
      const empty = await t.gql(PUBLISH, { input }, { token: dewi.accessToken });
      expect(code(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors![0].message).toMatch(/Save the minutes/);
      expect(code(await t.gql(PUBLISH, { input: { ...input, occurrenceStart: '2027-02-04T03:00:00.000Z' } }, { token: dewi.accessToken }))).toBe('BAD_USER_INPUT');
      // A hub without a forum group has nowhere to publish (a new hub: the demo hubs may have groups).
      const [{ id: bare }] = await t.db.query(
        `INSERT INTO hubs (host_organisation_id, name, slug, region_id, country, latitude, longitude, time_zone)
         SELECT host_organisation_id, 'Hub without a forum', 'hub-without-forum', region_id, country, latitude, longitude, time_zone
           FROM hubs WHERE slug = 'fondo-comun-andino' RETURNING id`,
      );
      const coordinator = await t.grantRole(lucia, Role.Coordinator, RoleScope.Hub, bare);
      const andean = await create({ title: 'Andean check-in', organisingHubId: bare, timeZone: 'America/Lima' }, coordinator);
      await t.gql(SAVE_MINUTES, { input: { seriesId: andean.id, occurrenceStart: andean.firstStart, minutes: 'Acuerdos.' } }, { token: coordinator.accessToken });
      const nowhere = await t.gql(PUBLISH, { input: { seriesId: andean.id, occurrenceStart: andean.firstStart } }, { token: coordinator.accessToken });
      expect(code(nowhere)).toBe('BAD_USER_INPUT');
      expect(nowhere.errors![0].extensions!.field).toBe('groupId');
      // Nor to a group of another hub or region.
      const [{ id: regional }] = await t.db.query(`SELECT id FROM forum_groups WHERE slug = 'andean-region-forum'`);
      const elsewhere = await t.gql(PUBLISH, { input: { seriesId: andean.id, occurrenceStart: andean.firstStart, groupId: regional } }, { token: coordinator.accessToken });
      expect(code(elsewhere)).toBe('BAD_USER_INPUT');
      expect(elsewhere.errors![0].message).toMatch(/forum group of the organising hub/);
      expect(await t.db.query(`SELECT 1 FROM forum_threads WHERE title LIKE 'Minutes:%'`)).toHaveLength(0);
    });

    it('publishes a thread in the organising hub’s group, links it, and updates the same thread when published again', async () => {
      const input = { seriesId: s.id, occurrenceStart: s.firstStart };
      await t.gql(SAVE_MINUTES, { input: { ...input, minutes: '## Decisions\n\n- Savings circle starts in March.' } }, { token: dewi.accessToken });
      const first = await t.gql(PUBLISH, { input }, { token: dewi.accessToken });
      expect(first.errors).toBeUndefined();
      const { minutesThreadId, minutesThreadPath } = first.data!.publishMinutes;
      expect(minutesThreadPath).toBe(`/forum/t/${minutesThreadId}`);

      const thread = await t.gql(THREAD, { id: minutesThreadId }, { token: sari.accessToken });
      expect(thread.data!.thread.group.slug).toBe('re-search-members');
      expect(thread.data!.thread.title).toBe('Minutes: Hub check-in with minutes (2027-02-03)');
      expect(thread.data!.thread.posts.edges[0].node.bodyMarkdown).toContain('Savings circle starts in March.');
      // Members of the hub see the link on the meeting.
      const seen = await t.gql(OCCURRENCE, { seriesId: s.id, start: s.firstStart }, { token: sari.accessToken });
      expect(seen.data!.meetingOccurrence).toMatchObject({ minutesThreadId, minutesThreadPath });

      await t.gql(SAVE_MINUTES, { input: { ...input, minutes: '## Decisions\n\n- Savings circle starts in April.' } }, { token: dewi.accessToken });
      const again = await t.gql(PUBLISH, { input }, { token: dewi.accessToken });
      expect(again.data!.publishMinutes.minutesThreadId).toBe(minutesThreadId);
      const updated = await t.gql(THREAD, { id: minutesThreadId }, { token: sari.accessToken });
      expect(updated.data!.thread.posts.edges[0].node.bodyMarkdown).toContain('starts in April.');
      expect(updated.data!.thread.posts.edges).toHaveLength(1);
      expect(await t.db.query(`SELECT 1 FROM forum_threads WHERE title LIKE 'Minutes: Hub check-in%'`)).toHaveLength(1);
    });
  });

  describe('hubLocalStarts', () => {
    it('gives each participating hub’s local start side by side, the organising hub first', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM meeting_series WHERE kind = 'inter_hub'`);
      // 20:00 in Jakarta on the third Wednesday is 08:00 the same day in Lima.
      const r = await t.gql(OCCURRENCE, { seriesId: id, start: '2027-01-20T13:00:00.000Z' }, { token: lucia.accessToken });
      expect(r.errors).toBeUndefined();
      expect(r.data!.meetingOccurrence.hubLocalStarts).toEqual([
        { hubId: hubs.get('re-search'), hubName: expect.stringContaining('Re.Search'), timeZone: 'Asia/Jakarta', localStart: '2027-01-20T20:00:00+07:00', dayOffset: 0 },
        { hubId: hubs.get('fondo-comun-andino'), hubName: expect.any(String), timeZone: 'America/Lima', localStart: '2027-01-20T08:00:00-05:00', dayOffset: 0 },
      ]);
      // A late meeting in Lima falls on the next day in Jakarta.
      const late = await create({ title: 'Late exchange', kind: 'inter_hub', organisingHubId: hubs.get('fondo-comun-andino'), participatingHubIds: [hubs.get('re-search')], timeZone: 'America/Lima', startLocal: '2027-03-01T19:30', rrule: null }, lucia);
      const l = await t.gql(OCCURRENCE, { seriesId: late.id, start: late.firstStart }, { token: dewi.accessToken });
      expect(l.data!.meetingOccurrence.hubLocalStarts.map((h: any) => [h.timeZone, h.localStart, h.dayOffset])).toEqual([
        ['America/Lima', '2027-03-01T19:30:00-05:00', 0],
        ['Asia/Jakarta', '2027-03-02T07:30:00+07:00', 1],
      ]);
    });
  });
});
