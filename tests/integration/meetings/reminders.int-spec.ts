import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { RemindersService } from '@anyam/server/meetings';
import { startTestApp, TestApp, TestMember } from '../support/test-app';

const PASSWORD = 'anyam-demo-2023';
const DAY = 86_400_000;
const JOBS = { JOBS_POLL_SECONDS: '0.5' };

const CREATE = `mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) { id firstStart } }`;
const RSVP = `mutation($input: RsvpInput!) { rsvp(input: $input) { response waitlisted waitlistPosition } }`;
const PREFS = `query { reminderPreferences { leadMinutes email choices } }`;
const SET_PREFS = `mutation($input: SetReminderPreferencesInput!) { setReminderPreferences(input: $input) { leadMinutes email } }`;
const CANCEL = `mutation($input: CancelOccurrenceInput!) { cancelOccurrence(input: $input) { cancelled } }`;
const RESCHEDULE = `mutation($input: RescheduleOccurrenceInput!) { rescheduleOccurrence(input: $input) { start } }`;
const NOTIFICATIONS = `query { notifications(first: 10) { edges { node { kind url data { key value } } } } }`;

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

/** Every mail written to these folders for one address. */
function mailsTo(dirs: string[], to: string): { subject: string; text: string }[] {
  const found: { subject: string; text: string }[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const content = fs.readFileSync(path.join(dir, file), 'utf8');
      const [head, ...body] = content.split('\n\n');
      if (head.includes(`To: ${to}`)) found.push({ subject: /Subject: (.*)/.exec(head)?.[1] ?? '', text: body.join('\n\n') });
    }
  }
  return found;
}

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (await check()) return;
}

/**
 * Reminders as durable jobs. The app that owns the database runs no job workers, so each test decides
 * which instances work the queue (and when they stop).
 */
describe('meeting reminders', () => {
  let owner: TestApp;
  const workers: TestApp[] = [];
  const allMailDirs = () => [owner.mailDir, ...workers.map((w) => w.mailDir)];
  let dewi: TestMember;
  let reSearch: string;

  async function worker(): Promise<TestApp> {
    // The same signing key, so a token works on every instance (as behind a load balancer).
    const w = await startTestApp({ shareDatabaseWith: owner, env: { ...JOBS, JWT_SECRET: owner.config.jwtSecret } });
    workers.push(w);
    return w;
  }

  /** A single online meeting of Re.Search starting `lead` minutes + `seconds` from now (Jakarta time). */
  async function meetingIn(minutes: number, seconds: number, extra: Record<string, unknown> = {}) {
    const start = DateTime.now().setZone('Asia/Jakarta').plus({ minutes, seconds }).startOf('second');
    const r = await owner.gql(
      CREATE,
      {
        input: {
          title: `Reminder check ${Math.random().toString(36).slice(2, 7)}`,
          kind: 'regional',
          organisingHubId: reSearch,
          timeZone: 'Asia/Jakarta',
          startLocal: start.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
          durationMinutes: 30,
          mode: 'online',
          onlineUrl: 'https://meet.example.org/reminder',
          capacityOnline: 50,
          ...extra,
        },
      },
      { token: dewi.accessToken },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return { id: r.data!.createMeetingSeries.id as string, start: new Date(r.data!.createMeetingSeries.firstStart) };
  }

  const plans = (seriesId: string) =>
    owner.db.query(`SELECT occurrence_start, lead_minutes, due_at, job_id FROM meeting_reminder_plans WHERE series_id = $1 ORDER BY due_at`, [seriesId]) as Promise<
      { occurrence_start: Date; lead_minutes: number; due_at: Date; job_id: string }[]
    >;

  beforeAll(async () => {
    owner = await startTestApp({ demoData: true, env: { ...JOBS, JOBS_WORKERS: 'false' } });
    dewi = await owner.signIn('dewi@anyam.test', PASSWORD);
    [{ id: reSearch }] = await owner.db.query(`SELECT id FROM hubs WHERE slug = 're-search'`);
  });
  afterAll(async () => {
    for (const w of workers.splice(0)) await w.close();
    await owner.close();
  });

  describe('setReminderPreferences', () => {
    it('starts at 1 day and 1 hour, takes choices from the list, and refuses visitors and bad input', async () => {
      const m = await owner.signUp();
      expect((await owner.gql(PREFS, {}, { token: m.accessToken })).data!.reminderPreferences).toMatchObject({ leadMinutes: [1440, 60], email: true });
      expect((await owner.gql(PREFS, {}, { token: m.accessToken })).data!.reminderPreferences.choices).toEqual(expect.arrayContaining([15, 60, 1440]));
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await owner.gql(PREFS)));
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(await owner.gql(SET_PREFS, { input: { leadMinutes: [60] } })));

      for (const leadMinutes of [[7], [-60], [10, 15, 30, 60, 120, 1440]]) {
        const r = await owner.gql(SET_PREFS, { input: { leadMinutes } }, { token: m.accessToken });
        expect(code(r)).toBe('BAD_USER_INPUT');
        expect(r.errors![0].extensions!.field).toBe('leadMinutes');
      }
      expect(await owner.db.query(`SELECT 1 FROM meeting_reminder_preferences WHERE member_id = $1`, [m.id])).toHaveLength(0);

      const set = await owner.gql(SET_PREFS, { input: { leadMinutes: [15, 10080, 15], email: false } }, { token: m.accessToken });
      expect(set.errors).toBeUndefined();
      expect(set.data!.setReminderPreferences).toEqual({ leadMinutes: [10080, 15], email: false });
      const none = await owner.gql(SET_PREFS, { input: { leadMinutes: [] } }, { token: m.accessToken });
      expect(none.data!.setReminderPreferences).toEqual({ leadMinutes: [], email: false });
    });
  });

  describe('planning', () => {
    it('plans one job per occurrence and lead time within the 60-day horizon, re-plans on every change, and rolls forward', async () => {
      const weekly = await meetingIn(7 * 24 * 60, 0, { rrule: 'FREQ=WEEKLY' }); // no end
      const m = await owner.signUp();
      expect((await owner.gql(RSVP, { input: { seriesId: weekly.id, wholeSeries: true, response: 'going_online' } }, { token: m.accessToken })).errors).toBeUndefined();
      let rows = await plans(weekly.id);
      const horizon = Date.now() + 60 * DAY;
      expect(new Set(rows.map((r) => r.lead_minutes))).toEqual(new Set([1440, 60]));
      expect(rows.every((r) => r.due_at.getTime() <= horizon + 60_000)).toBe(true);
      const occurrences = new Set(rows.map((r) => r.occurrence_start.toISOString()));
      expect(occurrences.size).toBeGreaterThanOrEqual(7);
      expect(occurrences.size).toBeLessThanOrEqual(9);
      // Each row is owned by a queued durable job due at the row's time.
      const jobs: { id: string; start_after: Date; state: string }[] = await owner.db.query(
        `SELECT id, start_after, state FROM pgboss.job WHERE name = 'meetings.reminder' AND id = ANY($1::uuid[])`,
        [rows.map((r) => r.job_id)],
      );
      expect(jobs).toHaveLength(rows.length);
      expect(jobs.every((j) => j.state === 'created')).toBe(true);

      // Preferences change: the slots follow.
      await owner.gql(SET_PREFS, { input: { leadMinutes: [15] } }, { token: m.accessToken });
      rows = await plans(weekly.id);
      expect(new Set(rows.map((r) => r.lead_minutes))).toEqual(new Set([15]));

      // Cancel the first meeting, move the second one day later.
      const [first, second] = [...occurrences].sort();
      await owner.gql(CANCEL, { input: { seriesId: weekly.id, occurrenceStart: first } }, { token: dewi.accessToken });
      const moved = new Date(new Date(second).getTime() + DAY);
      await owner.gql(
        RESCHEDULE,
        { input: { seriesId: weekly.id, occurrenceStart: second, newStart: moved.toISOString(), newEnd: new Date(moved.getTime() + 30 * 60_000).toISOString() } },
        { token: dewi.accessToken },
      );
      rows = await plans(weekly.id);
      expect(rows.some((r) => r.occurrence_start.toISOString() === first)).toBe(false);
      expect(rows.find((r) => r.occurrence_start.toISOString() === second)!.due_at.toISOString()).toBe(new Date(moved.getTime() - 15 * 60_000).toISOString());

      // The daily job moves the horizon: thirty days on, meetings up to day 90 are planned.
      const before = Math.max(...rows.map((r) => r.occurrence_start.getTime()));
      await owner.app.get(RemindersService).rollHorizon(new Date(Date.now() + 30 * DAY));
      rows = await plans(weekly.id);
      expect(Math.max(...rows.map((r) => r.occurrence_start.getTime()))).toBeGreaterThan(before + 21 * DAY);

      // No longer going: nothing left to remind.
      await owner.gql(RSVP, { input: { seriesId: weekly.id, wholeSeries: true, response: 'not_going' } }, { token: m.accessToken });
      expect(await plans(weekly.id)).toHaveLength(0);
    });
  });

  describe('sending', () => {
    it('sends a due reminder once, in-app and by e-mail in the member’s language and zones, across a restart and with two instances', async () => {
      const meeting = await meetingIn(10, 45); // room for three app starts on a busy machine
      const lucia = await owner.signUp({ locale: 'es', timeZone: 'America/Lima', name: 'Lucía Prueba' });
      const other = await owner.signUp(); // default reminders (1 day, 1 hour): nothing due 10 minutes before
      const absent = await owner.signUp();
      await owner.gql(SET_PREFS, { input: { leadMinutes: [10] } }, { token: absent.accessToken });

      // Planned on an instance that stops before the reminder is due…
      const first = await worker();
      await first.gql(SET_PREFS, { input: { leadMinutes: [10] } }, { token: lucia.accessToken });
      for (const [who, response] of [[lucia, 'going_online'], [other, 'going_online'], [absent, 'not_going']] as const) {
        const r = await first.gql(RSVP, { input: { seriesId: meeting.id, occurrenceStart: meeting.start.toISOString(), response } }, { token: who.accessToken });
        expect(r.errors).toBeUndefined();
      }
      expect(await plans(meeting.id)).toEqual([expect.objectContaining({ lead_minutes: 10 })]);
      await first.close();
      workers.splice(workers.indexOf(first), 1);
      expect(mailsTo([first.mailDir], lucia.email)).toHaveLength(0);

      // …and two instances on the same database afterwards.
      const [a, b] = [await worker(), await worker()];
      const due = meeting.start.getTime() - 10 * 60_000;
      expect(Date.now()).toBeLessThan(due);
      await until(() => mailsTo([a.mailDir, b.mailDir], lucia.email).length > 0, due - Date.now() + 15_000);
      await sleep(2_500); // several more polling rounds of both instances

      const mails = mailsTo([a.mailDir, b.mailDir], lucia.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toMatch(/^Recordatorio: Reminder check \w+ en 10 minutos$/);
      const lima = DateTime.fromJSDate(meeting.start, { zone: 'America/Lima' }).toFormat('HH:mm');
      const jakarta = DateTime.fromJSDate(meeting.start, { zone: 'Asia/Jakarta' }).toFormat('HH:mm');
      expect(mails[0].text).toContain(`${lima} (America/Lima)`);
      expect(mails[0].text).toContain(`Hora de la serie: `);
      expect(mails[0].text).toContain(`${jakarta} (Asia/Jakarta)`);
      expect(mails[0].text).toContain(`/meetings/${meeting.id}/${meeting.start.toISOString()}`);

      const sent = await owner.db.query(`SELECT member_id, mailed_at FROM meeting_reminders_sent WHERE series_id = $1`, [meeting.id]);
      expect(sent).toEqual([{ member_id: lucia.id, mailed_at: expect.any(Date) }]);
      const inApp = await a.gql(NOTIFICATIONS, {}, { token: lucia.accessToken });
      const nodes = inApp.data!.notifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'meetings.reminder');
      expect(nodes).toHaveLength(1);
      expect(nodes[0].url).toBe(`/meetings/${meeting.id}/${meeting.start.toISOString()}`);
      expect(nodes[0].data).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'leadMinutes' })]));
      for (const who of [other, absent]) {
        expect(mailsTo(allMailDirs(), who.email)).toHaveLength(0);
        expect(await owner.db.query(`SELECT 1 FROM notifications WHERE member_id = $1 AND kind = 'meetings.reminder'`, [who.id])).toHaveLength(0);
      }
      expect(await plans(meeting.id)).toHaveLength(0);
    }, 120_000);

    it('does nothing when it finds the meeting cancelled or the member gone, even if the re-plan was missed; moved later, it waits', async () => {
      const cancelled = await meetingIn(10, 12);
      const moved = await meetingIn(10, 12);
      const changed = await meetingIn(10, 12);
      const [p, q, r] = await Promise.all([owner.signUp(), owner.signUp(), owner.signUp()]);
      for (const [who, m] of [[p, cancelled], [q, moved], [r, changed]] as const) {
        await owner.gql(SET_PREFS, { input: { leadMinutes: [10] } }, { token: who.accessToken });
        await owner.gql(RSVP, { input: { seriesId: m.id, occurrenceStart: m.start.toISOString(), response: 'going_online' } }, { token: who.accessToken });
      }
      // Behind the planner's back: the jobs stay queued for the old facts.
      await owner.db.query(`INSERT INTO occurrence_overrides (series_id, original_start, cancelled) VALUES ($1, $2, true)`, [cancelled.id, cancelled.start]);
      const later = new Date(moved.start.getTime() + 2 * 3_600_000);
      await owner.db.query(`INSERT INTO occurrence_overrides (series_id, original_start, new_start) VALUES ($1, $2, $3)`, [moved.id, moved.start, later]);
      await owner.db.query(`UPDATE rsvps SET response = 'not_going' WHERE series_id = $1`, [changed.id]);
      const [movedPlan] = await plans(moved.id);

      await worker();
      const due = cancelled.start.getTime() - 10 * 60_000;
      await until(async () => (await plans(cancelled.id)).length === 0 && (await plans(changed.id)).length === 0, due - Date.now() + 15_000);

      expect(await plans(cancelled.id)).toHaveLength(0);
      expect(await plans(changed.id)).toHaveLength(0);
      const [waiting] = await plans(moved.id);
      expect(waiting.due_at.toISOString()).toBe(new Date(later.getTime() - 10 * 60_000).toISOString());
      expect(waiting.job_id).not.toBe(movedPlan.job_id);
      const sent = await owner.db.query(`SELECT 1 FROM meeting_reminders_sent WHERE series_id = ANY($1::uuid[])`, [[cancelled.id, moved.id, changed.id]]);
      expect(sent).toHaveLength(0);
      for (const who of [p, q, r]) expect(mailsTo(allMailDirs(), who.email)).toHaveLength(0);
    }, 120_000);
  });

  describe('waitlist promotion', () => {
    it('tells the promoted person in-app and by e-mail in their language', async () => {
      if (workers.length === 0) await worker();
      const m = await meetingIn(3 * 24 * 60, 0, { capacityOnline: 1 });
      const seated = await owner.signUp();
      const waiting = await owner.signUp({ locale: 'id', timeZone: 'Asia/Makassar' });
      const at = m.start.toISOString();
      await owner.gql(RSVP, { input: { seriesId: m.id, occurrenceStart: at, response: 'going_online' } }, { token: seated.accessToken });
      const w = await owner.gql(RSVP, { input: { seriesId: m.id, occurrenceStart: at, response: 'going_online' } }, { token: waiting.accessToken });
      expect(w.data!.rsvp).toMatchObject({ waitlisted: true, waitlistPosition: 1 });
      await owner.gql(RSVP, { input: { seriesId: m.id, occurrenceStart: at, response: 'not_going' } }, { token: seated.accessToken });

      const [note] = await owner.db.query(`SELECT kind, url, data FROM notifications WHERE member_id = $1`, [waiting.id]);
      expect(note).toMatchObject({ kind: 'meetings.waitlist_promoted', url: `/meetings/${m.id}/${at}`, data: expect.objectContaining({ start: at, timeZone: 'Asia/Jakarta' }) });
      await until(() => mailsTo(allMailDirs(), waiting.email).length > 0, 15_000);
      const mails = mailsTo(allMailDirs(), waiting.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toMatch(/^Anda mendapat tempat: Reminder check/);
      expect(mails[0].text).toContain('(Asia/Makassar)');
      expect(mails[0].text).toContain('(Asia/Jakarta)');
      // The one who left is not told anything.
      expect(await owner.db.query(`SELECT 1 FROM notifications WHERE member_id = $1`, [seated.id])).toHaveLength(0);
    }, 60_000);
  });
});
