import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { startTestApp, TestApp, TestMember } from '../support/test-app';

// ical.js is ESM with a CommonJS build under its "require" export; this test file is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL: typeof ICALModule = require('ical.js');
type IcalEvent = InstanceType<typeof ICAL.Event>;

const MEETINGS = `query($filter: MeetingFilter, $first: Int) { meetings(filter: $filter, first: $first) { edges { node { seriesId start end title } } } }`;
const CREATE = `mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) { id } }`;
const CANCEL = `mutation($input: CancelOccurrenceInput!) { cancelOccurrence(input: $input) { cancelled } }`;
const RESCHEDULE = `mutation($input: RescheduleOccurrenceInput!) { rescheduleOccurrence(input: $input) { start } }`;

interface FeedOccurrence {
  uid: string;
  start: string;
  end: string;
  summary: string;
}

/** Parses a feed with ical.js (an independent parser) and expands every series in [from, to). */
function expandFeed(text: string, from: Date, to: Date): { occurrences: FeedOccurrence[]; summaries: string[]; sequences: Map<string, number> } {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = cal.getAllSubcomponents('vevent');
  const masters = new Map<string, IcalEvent>();
  const sequences = new Map<string, number>();
  for (const v of vevents) {
    const e = new ICAL.Event(v);
    if (!v.hasProperty('recurrence-id')) {
      masters.set(e.uid, e);
      sequences.set(e.uid, e.sequence);
    }
  }
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id')) masters.get(v.getFirstPropertyValue('uid') as string)!.relateException(new ICAL.Event(v));
  }
  const occurrences: FeedOccurrence[] = [];
  for (const [uid, e] of masters) {
    if (!e.isRecurring()) {
      const s = e.startDate.toJSDate();
      if (s >= from && s < to) occurrences.push({ uid, start: s.toISOString(), end: e.endDate.toJSDate().toISOString(), summary: e.summary });
      continue;
    }
    const it = e.iterator();
    for (let next = it.next(), n = 0; next && n < 2000; next = it.next(), n++) {
      const details = e.getOccurrenceDetails(next);
      const s = details.startDate.toJSDate();
      if (details.recurrenceId.toJSDate() >= new Date(to.getTime() + 40 * 86_400_000)) break;
      if (s >= from && s < to) occurrences.push({ uid, start: s.toISOString(), end: details.endDate.toJSDate().toISOString(), summary: details.item.summary });
    }
  }
  occurrences.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
  return { occurrences, summaries: [...masters.values()].map((e) => e.summary), sequences };
}

describe('iCalendar feeds', () => {
  let t: TestApp;
  let admin: TestMember;
  const hubs = new Map<string, string>();
  const fetchFeed = async (path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { accept: 'text/calendar' } });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    admin = await t.signIn('admin@anyam.test', 'anyam-demo-2023');
    for (const row of await t.db.query('SELECT id, slug FROM hubs')) hubs.set(row.slug, row.id);
  });
  afterAll(() => t.close());

  it('gives the same instants as the API for a Santiago series across DST, with a cancelled and a moved meeting', async () => {
    const created = await t.gql(
      CREATE,
      {
        input: {
          title: 'Santiago weekly (feed check)',
          kind: 'other',
          organisingHubId: hubs.get('reach'),
          timeZone: 'America/Santiago',
          startLocal: '2026-03-03T09:00',
          durationMinutes: 60,
          rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T235959Z',
          mode: 'online',
          onlineUrl: 'https://meet.example.org/secret-link',
        },
      },
      { token: admin.accessToken },
    );
    const id = created.data!.createMeetingSeries.id;
    await t.gql(CANCEL, { input: { seriesId: id, occurrenceStart: '2026-04-07T13:00:00Z' } }, { token: admin.accessToken });
    await t.gql(RESCHEDULE, { input: { seriesId: id, occurrenceStart: '2026-09-08T12:00:00Z', newStart: '2026-09-10T15:00:00Z', newEnd: '2026-09-10T16:30:00Z' } }, { token: admin.accessToken });

    const from = new Date('2026-03-01T00:00:00Z');
    const to = new Date('2026-10-01T00:00:00Z');
    const feed = await fetchFeed('/ical/regions/southeast-asia.ics');
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/text\/calendar/);
    expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/Santiago');
    expect(feed.text).not.toContain('secret-link');
    const parsed = expandFeed(feed.text, from, to);
    const api = await t.gql(MEETINGS, { filter: { regionId: (await t.db.query(`SELECT id FROM regions WHERE slug = 'southeast-asia'`))[0].id, from: from.toISOString(), to: to.toISOString() }, first: 50 });
    const apiList = api.data!.meetings.edges.map((e: any) => `${e.node.seriesId}@meetings.anyam ${e.node.start} ${e.node.end}`).sort();
    const feedList = parsed.occurrences.map((o) => `${o.uid} ${o.start} ${o.end}`).sort();
    expect(feedList).toEqual(apiList);

    const mine = parsed.occurrences.filter((o) => o.uid === `${id}@meetings.anyam`).map((o) => o.start);
    expect(mine).toContain('2026-03-31T12:00:00.000Z'); // 09:00 UTC−3
    expect(mine).toContain('2026-04-14T13:00:00.000Z'); // 09:00 UTC−4
    expect(mine).not.toContain('2026-04-07T13:00:00.000Z'); // cancelled (EXDATE)
    expect(mine).not.toContain('2026-09-08T12:00:00.000Z'); // moved (RECURRENCE-ID)…
    expect(mine).toContain('2026-09-10T15:00:00.000Z'); // …to here
    expect(mine).toContain('2026-09-15T12:00:00.000Z'); // 09:00 UTC−3 again
    expect(parsed.sequences.get(`${id}@meetings.anyam`)).toBe(2);
  });

  it('leaves hubs-only meetings out of public feeds and answers 404 for unknown feeds', async () => {
    const hubFeed = await fetchFeed('/ical/hubs/re-search.ics');
    expect(hubFeed.status).toBe(200);
    const { summaries } = expandFeed(hubFeed.text, new Date('2026-01-01Z'), new Date('2027-01-01Z'));
    expect(summaries.some((s) => s.startsWith('Jalin Tenggara monthly'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('Inter-hub'))).toBe(false);
    const andean = await fetchFeed('/ical/regions/andean-region.ics');
    expect(andean.text).toContain('Enlaza Sur');
    expect(andean.text).not.toContain('Inter-hub');
    expect((await fetchFeed('/ical/regions/atlantis.ics')).status).toBe(404);
    expect((await fetchFeed('/ical/hubs/re-search.json')).status).toBe(404);
  });

  it('serves each member a private feed of the meetings they answered, behind a regenerable secret', async () => {
    const REGENERATE = `mutation { regenerateCalendarToken { path } }`;
    const RSVP = `mutation($input: RsvpInput!) { rsvp(input: $input) { response } }`;
    const sari = await t.signIn('sari@anyam.test', 'anyam-demo-2023');
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain((await t.gql(REGENERATE)).errors?.[0]?.extensions?.code);
    const interHub = (await t.db.query(`SELECT id FROM meeting_series WHERE kind = 'inter_hub'`))[0].id;
    const jalin = (await t.db.query(`SELECT id FROM meeting_series WHERE title LIKE 'Jalin Tenggara%'`))[0].id;
    const enlaza = (await t.db.query(`SELECT id FROM meeting_series WHERE title LIKE 'Enlaza Sur%'`))[0].id;
    for (const [seriesId, response] of [[interHub, 'going_online'], [jalin, 'maybe'], [enlaza, 'not_going']]) {
      const r = await t.gql(RSVP, { input: { seriesId, wholeSeries: true, response } }, { token: sari.accessToken });
      expect(r.errors).toBeUndefined();
    }
    const first = (await t.gql(REGENERATE, {}, { token: sari.accessToken })).data!.regenerateCalendarToken.path as string;
    expect(first).toMatch(/^\/ical\/me\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetchFeed(first);
    expect(feed.status).toBe(200);
    const { summaries } = expandFeed(feed.text, new Date('2027-01-01Z'), new Date('2028-01-01Z'));
    expect(summaries.some((s) => s.startsWith('Inter-hub'))).toBe(true); // hubs-only, and she is a Re.Search member
    expect(summaries.some((s) => s.startsWith('Jalin Tenggara'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('Enlaza Sur'))).toBe(false); // not going
    expect(feed.text.replace(/\r\n /g, '')).toContain('https://meet.example.org/re-search-fondo-comun');
    const second = (await t.gql(REGENERATE, {}, { token: sari.accessToken })).data!.regenerateCalendarToken.path;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await fetchFeed('/ical/me/not-a-token.ics')).status).toBe(404);
  });
  it('offers a single-meeting .ics for public series that matches the API, and none for hubs-only ones', async () => {
    const OCC = `query($seriesId: ID!, $start: DateTime!) { meetingOccurrence(seriesId: $seriesId, start: $start) { start end icsPath } }`;
    const CREATE_PUBLIC = { title: 'Download check', kind: 'other', organisingHubId: hubs.get('reach'), timeZone: 'America/Santiago', startLocal: '2026-03-03T09:00', durationMinutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TU', mode: 'online', onlineUrl: 'https://meet.example.org/x' };
    const id = (await t.gql(CREATE, { input: CREATE_PUBLIC }, { token: admin.accessToken })).data!.createMeetingSeries.id;
    await t.gql(RESCHEDULE, { input: { seriesId: id, occurrenceStart: '2027-06-08T13:00:00Z', newStart: '2027-06-09T14:00:00Z', newEnd: '2027-06-09T15:00:00Z' } }, { token: admin.accessToken });
    const occ = (await t.gql(OCC, { seriesId: id, start: '2027-06-08T13:00:00Z' })).data!.meetingOccurrence;
    expect(occ.icsPath).toBe(`/ical/meetings/${id}/20270608T130000Z.ics`);
    const file = await fetchFeed(occ.icsPath);
    expect(file.status).toBe(200);
    const vevent = new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!;
    const e = new ICAL.Event(vevent);
    expect(e.uid).toBe(`${id}@meetings.anyam`);
    expect(e.startDate.toJSDate().toISOString()).toBe(occ.start);
    expect(e.endDate.toJSDate().toISOString()).toBe(occ.end);
    expect(e.recurrenceId!.toJSDate().toISOString()).toBe('2027-06-08T13:00:00.000Z');

    const interHub = (await t.db.query(`SELECT id FROM meeting_series WHERE kind = 'inter_hub'`))[0].id;
    const hidden = await t.gql(OCC, { seriesId: interHub, start: '2027-01-20T13:00:00Z' }, { token: admin.accessToken });
    expect(hidden.data!.meetingOccurrence.icsPath).toBeNull();
    expect((await fetchFeed(`/ical/meetings/${interHub}/20270120T130000Z.ics`)).status).toBe(404);
    expect((await fetchFeed(`/ical/meetings/${id}/20270608T120000Z.ics`)).status).toBe(404);
  });
});
