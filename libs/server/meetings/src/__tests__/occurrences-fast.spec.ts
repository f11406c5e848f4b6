import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { fromFloating, ruleStarts, toFloating } from '../occurrences';
import { cachedZone } from '../cached-zone';

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'America/Lima', 'America/Bogota', 'America/La_Paz', 'America/Santiago', 'America/Sao_Paulo', 'Africa/Nairobi', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Chatham'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** RRULE values of the kinds people write for meetings, with and without an end. */
const rrule = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.integer({ min: 1, max: 4 }),
    byday: fc.subarray(DAYS, { minLength: 0, maxLength: 3 }),
    ordinal: fc.constantFrom(0, 1, 2, 3, -1),
    bymonthday: fc.option(fc.constantFrom(1, 10, 15, 28, 31, -1), { nil: undefined }),
    bysetpos: fc.option(fc.constantFrom(1, 2, -1), { nil: undefined }),
    until: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    count: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
  })
  .map((r) => {
    const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
    if (r.byday.length) parts.push(`BYDAY=${r.byday.map((d) => (r.freq === 'MONTHLY' && r.ordinal ? `${r.ordinal}${d}` : d)).join(',')}`);
    if (r.bymonthday !== undefined && r.freq === 'MONTHLY' && !r.byday.length) parts.push(`BYMONTHDAY=${r.bymonthday}`);
    if (r.bysetpos !== undefined && r.freq === 'MONTHLY' && r.byday.length > 1 && !r.ordinal) parts.push(`BYSETPOS=${r.bysetpos}`);
    if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
    else if (r.until !== undefined) parts.push(`UNTIL=${DateTime.utc(2018, 1, 1).plus({ days: r.until }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    return parts.join(';');
  });

describe('expanding a rule from a later start (fast-forward)', () => {
  it('gives exactly the starts the rule gives from its real start, for any rule, zone and window', () => {
    fc.assert(
      fc.property(
        rrule,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3650 }), // start: days after 2016-01-01
        fc.constantFrom('00:30', '02:00', '09:00', '23:30'),
        fc.integer({ min: 0, max: 4000 }), // window start: days after 2016-01-01
        fc.integer({ min: 1, max: 400 }), // window length in days
        (rule, zone, startDay, time, fromDay, days) => {
          const startLocal = `${DateTime.utc(2016, 1, 1).plus({ days: startDay }).toISODate()}T${time}`;
          const series = { timeZone: zone, startLocal, durationMinutes: 60, rrule: rule };
          const from = DateTime.utc(2016, 1, 1).plus({ days: fromDay, hours: 5 }).toJSDate();
          const to = new Date(from.getTime() + days * 86_400_000);
          const fast = ruleStarts(series, from, to, 1000).map((d) => d.toISOString());
          const slow = ruleStarts(series, from, to, 1000, { fastForward: false }).map((d) => d.toISOString());
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the cached time zone', () => {
  it('converts exactly as luxon does: at every daylight-saving change (to the minute) and at random instants', () => {
    const DAY = 86_400_000;
    for (const name of ['America/Santiago', 'America/Sao_Paulo', 'Australia/Adelaide', 'Pacific/Chatham', 'Asia/Jakarta']) {
      const plain = IANAZone.create(name);
      const cached = cachedZone(name)!;
      const probes: number[] = [];
      // Find each change of offset in 2025–2026 (daily steps, then bisection to the minute).
      for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2027, 0, 1); day += DAY) {
        if (plain.offset(day) === plain.offset(day + DAY)) continue;
        let [lo, hi] = [day, day + DAY];
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (plain.offset(mid) === plain.offset(day)) lo = mid;
          else hi = mid;
        }
        for (const d of [-15, -1, 0, 1, 14, 15, 16, 60]) probes.push(hi + d * 60_000);
      }
      // Santiago, Adelaide and Chatham change twice a year; Jakarta and São Paulo (since 2019) never.
      expect(probes.length).toBe(['Asia/Jakarta', 'America/Sao_Paulo'].includes(name) ? 0 : 4 * 8);
      fc.assert(fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }), (ts) => cached.offset(ts) === plain.offset(ts)), { numRuns: 500 });
      for (const ts of probes) expect(cached.offset(ts)).toBe(plain.offset(ts));
    }
  });

  it('round-trips local times through instants in each zone, skipped hours moved forward', () => {
    // 2026-09-06 00:30 does not exist in Santiago (clocks jump 00:00 → 01:00).
    expect(fromFloating(new Date('2026-09-06T00:30:00Z'), 'America/Santiago').toISOString()).toBe('2026-09-06T04:30:00.000Z');
    expect(toFloating(new Date('2026-09-06T04:30:00Z'), 'America/Santiago').toISOString()).toBe('2026-09-06T01:30:00.000Z');
    expect(cachedZone('Not/AZone')).toBeNull();
  });
});
