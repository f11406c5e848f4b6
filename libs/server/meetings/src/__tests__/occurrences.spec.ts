import { DateTime } from 'luxon';
import { expandOccurrences, isRuleStart, localIso, nextOccurrences, RecurrenceError, ruleStarts, validateRrule } from '../occurrences';

const utc = (iso: string) => new Date(iso);
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

describe('occurrences', () => {
  describe('a weekly 09:00 America/Santiago series across both 2026 daylight-saving changes', () => {
    // Santiago: UTC−3 until Sun 5 Apr 2026 (clocks back to UTC−4), UTC−4 until Sun 6 Sep 2026 (forward to UTC−3).
    const series = { timeZone: 'America/Santiago', startLocal: '2026-03-03T09:00', durationMinutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=TU' };
    const all = expandOccurrences(series, [], utc('2026-03-01T00:00:00Z'), utc('2026-10-01T00:00:00Z'));

    it('stays at 09:00 local time every week', () => {
      expect(all.length).toBe(31);
      for (const o of all) {
        const l = local(o.start, 'America/Santiago');
        expect([l.weekday, l.hour, l.minute]).toEqual([2, 9, 0]);
      }
    });

    it('changes its UTC time instead (12:00Z in summer time, 13:00Z in winter time, 12:00Z again)', () => {
      const at = (day: string) => all.find((o) => localIso(o.start, 'America/Santiago').startsWith(day))!.start.toISOString();
      expect(at('2026-03-31')).toBe('2026-03-31T12:00:00.000Z');
      expect(at('2026-04-07')).toBe('2026-04-07T13:00:00.000Z');
      expect(at('2026-09-01')).toBe('2026-09-01T13:00:00.000Z');
      expect(at('2026-09-08')).toBe('2026-09-08T12:00:00.000Z');
      expect(all[0].end.getTime() - all[0].start.getTime()).toBe(90 * 60_000);
    });

    it('keeps 09:00 for a viewer in Jakarta too (the instant moves, the series zone does not)', () => {
      const jakarta = all.map((o) => local(o.start, 'Asia/Jakarta').hour);
      expect(new Set(jakarta)).toEqual(new Set([19, 20]));
    });
  });

  it('handles a local time that does not exist (moved forward) and one that occurs twice (earlier instant)', () => {
    // 6 Sep 2026 Santiago skips 00:00–01:00; 4/5 Apr 2026 repeats 23:00–24:00.
    const gap = ruleStarts({ timeZone: 'America/Santiago', startLocal: '2026-09-06T00:30', durationMinutes: 30, rrule: null }, utc('2026-09-01Z'), utc('2026-09-10Z'));
    expect(localIso(gap[0], 'America/Santiago')).toBe('2026-09-06T01:30:00-03:00');
    const overlap = ruleStarts({ timeZone: 'America/Santiago', startLocal: '2026-04-04T23:30', durationMinutes: 30, rrule: null }, utc('2026-04-01Z'), utc('2026-04-10Z'));
    expect(overlap[0].toISOString()).toBe('2026-04-05T02:30:00.000Z');
  });

  it('expands a monthly "second Tuesday" rule in the series zone', () => {
    const series = { timeZone: 'Asia/Jakarta', startLocal: '2026-01-13T09:00', durationMinutes: 120, rrule: 'FREQ=MONTHLY;BYDAY=2TU' };
    const starts = expandOccurrences(series, [], utc('2026-01-01Z'), utc('2026-07-01Z')).map((o) => localIso(o.start, 'Asia/Jakarta'));
    expect(starts).toEqual([
      '2026-01-13T09:00:00+07:00',
      '2026-02-10T09:00:00+07:00',
      '2026-03-10T09:00:00+07:00',
      '2026-04-14T09:00:00+07:00',
      '2026-05-12T09:00:00+07:00',
      '2026-06-09T09:00:00+07:00',
    ]);
  });

  it('ends a series by COUNT and by UNTIL (UNTIL in UTC, compared as an instant)', () => {
    const base = { timeZone: 'America/Lima', startLocal: '2026-02-05T09:00', durationMinutes: 60 };
    const byCount = expandOccurrences({ ...base, rrule: 'FREQ=WEEKLY;COUNT=3' }, [], utc('2026-01-01Z'), utc('2027-01-01Z'));
    expect(byCount.map((o) => o.start.toISOString())).toEqual(['2026-02-05T14:00:00.000Z', '2026-02-12T14:00:00.000Z', '2026-02-19T14:00:00.000Z']);
    // 14:00Z on 19 Feb is the third start: UNTIL is inclusive.
    const byUntil = expandOccurrences({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20260219T140000Z' }, [], utc('2026-01-01Z'), utc('2027-01-01Z'));
    expect(byUntil).toHaveLength(3);
    const justBefore = expandOccurrences({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20260219T135959Z' }, [], utc('2026-01-01Z'), utc('2027-01-01Z'));
    expect(justBefore).toHaveLength(2);
  });

  it('only expands the window asked for, even for a series without end', () => {
    const daily = { timeZone: 'UTC', startLocal: '2000-01-01T08:00', durationMinutes: 30, rrule: 'FREQ=DAILY' };
    const week = expandOccurrences(daily, [], utc('2026-05-04T00:00:00Z'), utc('2026-05-11T00:00:00Z'));
    expect(week).toHaveLength(7);
    expect(expandOccurrences(daily, [], utc('2026-05-04Z'), utc('2026-05-11Z'), { limit: 2 })).toHaveLength(2);
    // [from, to): a start exactly at `to` is excluded, one exactly at `from` included.
    expect(expandOccurrences(daily, [], utc('2026-05-04T08:00:00Z'), utc('2026-05-05T08:00:00Z'))).toHaveLength(1);
  });

  describe('overrides', () => {
    const series = { timeZone: 'Asia/Jakarta', startLocal: '2026-01-13T09:00', durationMinutes: 120, rrule: 'FREQ=MONTHLY;BYDAY=2TU' };
    const feb = utc('2026-02-10T02:00:00Z');
    const mar = utc('2026-03-10T02:00:00Z');
    const overrides = [
      { originalStart: feb, cancelled: true, newStart: null, newDurationMinutes: null, note: 'Holiday' },
      { originalStart: mar, cancelled: false, newStart: utc('2026-03-12T03:00:00Z'), newDurationMinutes: 60, note: 'Moved to Thursday' },
    ];

    it('drops a cancelled occurrence and moves a rescheduled one', () => {
      const list = expandOccurrences(series, overrides, utc('2026-01-01Z'), utc('2026-05-01Z'));
      expect(list.map((o) => o.start.toISOString())).toEqual(['2026-01-13T02:00:00.000Z', '2026-03-12T03:00:00.000Z', '2026-04-14T02:00:00.000Z']);
      const moved = list[1];
      expect(moved).toMatchObject({ rescheduled: true, cancelled: false, note: 'Moved to Thursday' });
      expect(moved.originalStart.toISOString()).toBe(mar.toISOString());
      expect(moved.end.toISOString()).toBe('2026-03-12T04:00:00.000Z');
    });

    it('flags cancelled occurrences on request', () => {
      const list = expandOccurrences(series, overrides, utc('2026-02-01Z'), utc('2026-02-28Z'), { includeCancelled: true });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ cancelled: true, note: 'Holiday' });
    });

    it('finds a moved occurrence by its new start, not its original one', () => {
      expect(expandOccurrences(series, overrides, utc('2026-03-10T00:00:00Z'), utc('2026-03-11T00:00:00Z'))).toHaveLength(0);
      const into = expandOccurrences(series, overrides, utc('2026-03-12T00:00:00Z'), utc('2026-03-13T00:00:00Z'));
      expect(into).toHaveLength(1);
      expect(into[0].originalStart.toISOString()).toBe(mar.toISOString());
    });

    it('lists the next occurrences after overrides', () => {
      const next = nextOccurrences(series, overrides, utc('2026-02-01Z'), 3);
      expect(next.map((o) => o.start.toISOString())).toEqual(['2026-03-12T03:00:00.000Z', '2026-04-14T02:00:00.000Z', '2026-05-12T02:00:00.000Z']);
    });

    it('knows which instants are rule starts', () => {
      expect(isRuleStart(series, mar)).toBe(true);
      expect(isRuleStart(series, utc('2026-03-10T03:00:00Z'))).toBe(false);
    });
  });

  it('gives the same instant to viewers in Jakarta and Lima, each in their own wall time', () => {
    // The Enlaza Sur regional meeting, first Thursday 09:00 Lima (UTC−5, no daylight saving).
    const series = { timeZone: 'America/Lima', startLocal: '2026-01-01T09:00', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=1TH' };
    const [first] = expandOccurrences(series, [], utc('2026-03-01Z'), utc('2026-04-01Z'));
    expect(first.start.toISOString()).toBe('2026-03-05T14:00:00.000Z');
    expect(localIso(first.start, 'America/Lima')).toBe('2026-03-05T09:00:00-05:00');
    expect(localIso(first.start, 'Asia/Jakarta')).toBe('2026-03-05T21:00:00+07:00');
    expect(localIso(first.start, 'America/La_Paz')).toBe('2026-03-05T10:00:00-04:00');
  });

  describe('validateRrule', () => {
    it('accepts and normalises usual rules', () => {
      expect(validateRrule('RRULE:freq=monthly;byday=2TU')).toBe('FREQ=MONTHLY;BYDAY=2TU');
      expect(validateRrule('FREQ=HOURLY;COUNT=4')).toBe('FREQ=HOURLY;COUNT=4');
    });

    it.each([
      ['', /empty/],
      ['every tuesday', /not valid/],
      ['FREQ=FORTNIGHTLY', /FREQ/],
      ['BYDAY=TU', /FREQ/],
      ['FREQ=WEEKLY;COUNT=0', /COUNT/],
      ['FREQ=WEEKLY\nDTSTART:20260101T000000Z', /only the rule/],
      ['FREQ=MONTHLY;BYMONTH=13', /not valid/],
    ])('rejects %j with a readable message', (rule, message) => {
      expect(() => validateRrule(rule)).toThrow(message);
      expect(() => validateRrule(rule)).toThrow(RecurrenceError);
    });

    it.each(['FREQ=SECONDLY', 'FREQ=MINUTELY;INTERVAL=15', 'FREQ=HOURLY'])('rejects the unbounded sub-daily rule %s', (rule) => {
      expect(() => validateRrule(rule)).toThrow(/needs an end/);
    });
  });
});
