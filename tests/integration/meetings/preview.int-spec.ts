import { startTestApp, TestApp, TestMember } from '../support/test-app';

const PASSWORD = 'anyam-demo-2023';
const PREVIEW = `query($input: PreviewMeetingOccurrencesInput!) { previewMeetingOccurrences(input: $input) { start localStart } }`;
const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
const field = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.field;

describe('previewMeetingOccurrences (the series form’s preview)', () => {
  let t: TestApp;
  let dewi: TestMember;
  let lucia: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ demoData: true });
    [dewi, lucia] = await Promise.all(['dewi', 'lucia'].map((n) => t.signIn(`${n}@anyam.test`, PASSWORD)));
  });
  afterAll(() => t.close());

  it('gives every second Tuesday at 09:00 Jakarta as instants and local times', async () => {
    const r = await t.gql(
      PREVIEW,
      { input: { timeZone: 'Asia/Jakarta', startLocal: '2031-01-14T09:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU', count: 3 } },
      { token: dewi.accessToken },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.previewMeetingOccurrences).toEqual([
      { start: '2031-01-14T02:00:00.000Z', localStart: '2031-01-14T09:00:00+07:00' },
      { start: '2031-02-11T02:00:00.000Z', localStart: '2031-02-11T09:00:00+07:00' },
      { start: '2031-03-11T02:00:00.000Z', localStart: '2031-03-11T09:00:00+07:00' },
    ]);
  });

  it('keeps 09:00 Santiago across the April daylight-saving change (UTC shifts, local time does not)', async () => {
    const r = await t.gql(
      PREVIEW,
      { input: { timeZone: 'America/Santiago', startLocal: '2031-03-25T09:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3', count: 5 } },
      { token: dewi.accessToken },
    );
    const rows = r.data!.previewMeetingOccurrences as Array<{ start: string; localStart: string }>;
    expect(rows).toHaveLength(3); // COUNT ends the rule
    expect(rows.map((o) => o.localStart.slice(11, 19))).toEqual(['09:00:00', '09:00:00', '09:00:00']);
    expect(new Set(rows.map((o) => o.start.slice(11, 16))).size).toBe(2);
  });

  it('gives the single meeting when there is no rule', async () => {
    const r = await t.gql(PREVIEW, { input: { timeZone: 'America/Lima', startLocal: '2031-05-01T18:30' } }, { token: dewi.accessToken });
    expect(r.data!.previewMeetingOccurrences).toEqual([{ start: '2031-05-01T23:30:00.000Z', localStart: '2031-05-01T18:30:00-05:00' }]);
  });

  it('answers bad input with BAD_USER_INPUT naming the field', async () => {
    const ask = (input: Record<string, unknown>) => t.gql(PREVIEW, { input: { timeZone: 'Asia/Jakarta', startLocal: '2031-01-14T09:00', ...input } }, { token: dewi.accessToken });
    const zone = await ask({ timeZone: 'Mars/Olympus' });
    expect([code(zone), field(zone)]).toEqual(['BAD_USER_INPUT', 'timeZone']);
    const rule = await ask({ rrule: 'FREQ=SOMETIMES' });
    expect([code(rule), field(rule)]).toEqual(['BAD_USER_INPUT', 'rrule']);
    expect(rule.errors![0].message).toMatch(/repeat rule/);
    const start = await ask({ startLocal: '2031-02-30T09:00' });
    expect([code(start), field(start)]).toEqual(['BAD_USER_INPUT', 'startLocal']);
    const many = await ask({ count: 11 });
    expect([code(many), field(many)]).toEqual(['BAD_USER_INPUT', 'count']);
  });

  it('is for coordinators: visitors and plain members are refused', async () => {
    const input = { timeZone: 'Asia/Jakarta', startLocal: '2031-01-14T09:00' };
    expect(code(await t.gql(PREVIEW, { input }))).toBe('UNAUTHENTICATED');
    const member = await t.signUp({ timeZone: 'America/Lima' });
    expect(code(await t.gql(PREVIEW, { input }, { token: member.accessToken }))).toBe('FORBIDDEN');
    // Lucía coordinates a hub, so she may plan meetings.
    expect((await t.gql(PREVIEW, { input }, { token: lucia.accessToken })).data!.previewMeetingOccurrences).toHaveLength(1);
  });
});
