import { DateTime } from 'luxon';
import { Frequency, RRule } from 'rrule';
import { cachedZone } from './cached-zone';

/**
 * Recurrence in the series' own time zone, pure (no database, no clock).
 *
 * The rule is expanded with rrule on *floating* local date-times (a JS Date whose UTC fields are the
 * wall-clock fields in the series zone), and each local date-time is then turned into an instant with
 * luxon in the series zone. So a 09:00 America/Santiago series stays at 09:00 local across daylight
 * saving and its UTC offset changes instead.
 *
 * Local times that do not exist (the hour skipped when clocks go forward) are moved forward by the
 * length of the gap (00:30 on the day Santiago skips 00:00–01:00 becomes 01:30); local times that occur
 * twice (clocks go back) take the earlier instant. Both rules are luxon's and deterministic.
 */

/** A local date-time without zone, `YYYY-MM-DDTHH:mm[:ss]`. */
export type LocalDateTime = string;

export interface RecurringSeries {
  timeZone: string;
  startLocal: LocalDateTime;
  durationMinutes: number;
  /** RFC 5545 RRULE value (`FREQ=MONTHLY;BYDAY=2TU`), or null for a single meeting. */
  rrule: string | null;
}

export interface OccurrenceOverride {
  /** The start the rule gives for this occurrence: its identity (RECURRENCE-ID). */
  originalStart: Date;
  cancelled: boolean;
  newStart: Date | null;
  newDurationMinutes: number | null;
  note?: string | null;
}

export interface Occurrence {
  originalStart: Date;
  start: Date;
  end: Date;
  cancelled: boolean;
  /** Moved to another start or duration by an override. */
  rescheduled: boolean;
  note: string | null;
}

export interface ExpandOptions {
  /** Also return cancelled occurrences (flagged), e.g. for organisers and EXDATE. Default false. */
  includeCancelled?: boolean;
  /** Stop after this many occurrences. Default 1000. */
  limit?: number;
}

export const MAX_OCCURRENCES_PER_WINDOW = 1000;

export class RecurrenceError extends Error {
  constructor(
    readonly field: 'rrule' | 'startLocal' | 'timeZone',
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && cachedZone(zone) !== null;
}

/** Parses `YYYY-MM-DDTHH:mm[:ss]` into a floating Date (UTC fields = local fields), or null. */
export function parseLocal(local: string): Date | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return date;
}

export function formatLocal(floating: Date): LocalDateTime {
  return floating.toISOString().slice(0, 19);
}

/** The wall-clock time of an instant in a zone, as a floating Date. */
export function toFloating(instant: Date, zone: string): Date {
  const dt = DateTime.fromJSDate(instant, { zone: cachedZone(zone) ?? zone });
  return new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second));
}

/** The instant of a floating local date-time in a zone (gap → forward, overlap → earlier). */
export function fromFloating(floating: Date, zone: string): Date {
  return DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      second: floating.getUTCSeconds(),
    },
    { zone: cachedZone(zone) ?? zone },
  ).toJSDate();
}

/** The local wall time of an instant in a zone, `YYYY-MM-DDTHH:mm:ss±hh:mm`. */
export function localIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
}

const UNBOUNDED_FORBIDDEN = new Set([Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY]);

/**
 * Checks an RRULE value and returns it normalised (upper case, no `RRULE:` prefix). Throws a
 * RecurrenceError with a message a person understands.
 */
export function validateRrule(raw: string): string {
  const value = raw.trim().replace(/^RRULE:/i, '').toUpperCase();
  const invalid = (detail: string) =>
    new RecurrenceError('rrule', 'invalid', `The repeat rule is not valid: ${detail} Use a rule such as FREQ=MONTHLY;BYDAY=2TU (every second Tuesday).`);
  if (!value) throw invalid('it is empty.');
  if (/[\r\n]/.test(value) || /(^|;)(DTSTART|TZID|RDATE|EXDATE)\b/.test(value)) {
    throw invalid('give only the rule; the start and time zone are separate fields.');
  }
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(value);
  } catch (e) {
    throw invalid(`${(e as Error).message}.`);
  }
  if (options.freq === undefined || options.freq === null) throw invalid('it needs a FREQ, such as FREQ=WEEKLY.');
  if (options.count !== undefined && options.count !== null && (!Number.isInteger(options.count) || options.count < 1)) {
    throw invalid('COUNT must be a whole number of at least 1.');
  }
  if (options.interval !== undefined && options.interval !== null && (!Number.isInteger(options.interval) || options.interval < 1)) {
    throw invalid('INTERVAL must be a whole number of at least 1.');
  }
  if (options.until && Number.isNaN(options.until.getTime())) throw invalid('UNTIL must be a date such as 20261231T235959Z.');
  const bounded = (options.count ?? null) !== null || (options.until ?? null) !== null;
  if (UNBOUNDED_FORBIDDEN.has(options.freq) && !bounded) {
    throw new RecurrenceError(
      'rrule',
      'unbounded',
      'A meeting that repeats every hour, minute or second needs an end (COUNT or UNTIL). Most meetings repeat daily, weekly or monthly.',
    );
  }
  const ranges: [keyof typeof options, number, number, string][] = [
    ['bymonth', 1, 12, 'BYMONTH takes months 1 to 12.'],
    ['bymonthday', -31, 31, 'BYMONTHDAY takes days 1 to 31 (or -1 for the last day).'],
    ['byyearday', -366, 366, 'BYYEARDAY takes days 1 to 366.'],
    ['byweekno', -53, 53, 'BYWEEKNO takes weeks 1 to 53.'],
    ['byhour', 0, 23, 'BYHOUR takes hours 0 to 23.'],
    ['byminute', 0, 59, 'BYMINUTE takes minutes 0 to 59.'],
    ['bysecond', 0, 59, 'BYSECOND takes seconds 0 to 59.'],
    ['bysetpos', -366, 366, 'BYSETPOS takes positions such as 1, 2 or -1.'],
  ];
  for (const [key, min, max, message] of ranges) {
    const raw = options[key] as number | number[] | null | undefined;
    const values = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (values.some((v) => !Number.isInteger(v) || v < min || v > max || (min < 0 && v === 0))) throw invalid(message);
  }
  return value;
}

/** The rule's options on floating local times; UNTIL in UTC (…Z) is turned into local time in the zone. */
function ruleOptions(series: RecurringSeries): ReturnType<typeof RRule.parseString> {
  const value = validateRrule(series.rrule!);
  const options = RRule.parseString(value);
  const untilRaw = /(?:^|;)UNTIL=([0-9TZ]+)/.exec(value)?.[1];
  if (options.until && untilRaw?.endsWith('Z')) options.until = toFloating(options.until, series.timeZone);
  return options;
}

function seriesStart(series: RecurringSeries): Date {
  const start = parseLocal(series.startLocal);
  if (!start) throw new RecurrenceError('startLocal', 'invalid', 'The start must be a local date and time such as 2026-03-10T09:00.');
  if (!isValidTimeZone(series.timeZone)) {
    throw new RecurrenceError('timeZone', 'unknown', 'Choose a time zone from the list, such as Asia/Jakarta or America/Lima.');
  }
  return start;
}

/** Original (rule) starts in [from, to), as instants, at most `limit`. */
export function ruleStarts(series: RecurringSeries, from: Date, to: Date, limit = MAX_OCCURRENCES_PER_WINDOW, options: { fastForward?: boolean } = {}): Date[] {
  const start = seriesStart(series);
  if (!series.rrule) {
    const instant = fromFloating(start, series.timeZone);
    return instant >= from && instant < to ? [instant] : [];
  }
  // Widen the floating window by a day each side (a zone's offset never moves more), then filter instants.
  const DAY = 86_400_000;
  const lo = new Date(toFloating(from, series.timeZone).getTime() - DAY);
  const hi = new Date(toFloating(to, series.timeZone).getTime() + DAY);
  const parsed = ruleOptions(series);
  // rrule walks from DTSTART on every call: a weekly series started years ago would cost hundreds of
  // steps per listing. A rule without COUNT repeats by whole periods, so start it a period before the window.
  const dtstart = options.fastForward === false ? start : fastForward(parsed, start, lo);
  const rule = new RRule({ ...parsed, dtstart, tzid: undefined });
  const result: Date[] = [];
  rule.between(lo, hi, true, (floating) => {
    const instant = fromFloating(floating, series.timeZone);
    if (instant >= from && instant < to) result.push(instant);
    return result.length < limit;
  });
  return result;
}

/**
 * A later DTSTART giving the same starts from `lo` on: DTSTART moved by a whole number of the rule's
 * periods (FREQ × INTERVAL, which keeps weeks, months and years aligned as rrule counts them), ending at
 * least one period before `lo`. Rules with COUNT count from the real start and are left alone, as are
 * monthly and yearly starts on days that not every month has (the 29th–31st).
 */
export function fastForward(options: Partial<ReturnType<typeof RRule.parseString>>, dtstart: Date, lo: Date): Date {
  if ((options.count ?? null) !== null || lo <= dtstart) return dtstart;
  const interval = options.interval ?? 1;
  const y = dtstart.getUTCFullYear();
  const m = dtstart.getUTCMonth();
  const d = dtstart.getUTCDate();
  const time = [dtstart.getUTCHours(), dtstart.getUTCMinutes(), dtstart.getUTCSeconds()] as const;
  const DAY = 86_400_000;
  let moved: Date | null = null;
  switch (options.freq) {
    case Frequency.DAILY:
    case Frequency.WEEKLY: {
      const period = (options.freq === Frequency.WEEKLY ? 7 : 1) * interval * DAY;
      const k = Math.floor((lo.getTime() - dtstart.getTime()) / period) - 1;
      if (k > 0) moved = new Date(dtstart.getTime() + k * period);
      break;
    }
    case Frequency.MONTHLY: {
      if (d > 28) break;
      const months = (lo.getUTCFullYear() - y) * 12 + (lo.getUTCMonth() - m);
      const k = Math.floor(months / interval) - 1;
      if (k > 0) moved = new Date(Date.UTC(y, m + k * interval, d, ...time));
      break;
    }
    case Frequency.YEARLY: {
      if (m === 1 && d === 29) break;
      const k = Math.floor((lo.getUTCFullYear() - y) / interval) - 1;
      if (k > 0) moved = new Date(Date.UTC(y + k * interval, m, d, ...time));
      break;
    }
  }
  return moved ?? dtstart;
}

/** Whether `instant` is a start the rule gives (to validate cancel / reschedule targets). */
export function isRuleStart(series: RecurringSeries, instant: Date): boolean {
  return ruleStarts(series, new Date(instant.getTime()), new Date(instant.getTime() + 1), 1).some((d) => d.getTime() === instant.getTime());
}

/**
 * The occurrences whose (effective) start lies in [from, to), in start order, with overrides applied:
 * cancelled ones are dropped (or flagged with includeCancelled); moved ones appear at their new start,
 * even when the original start is outside the window, and not at the original one.
 */
export function expandOccurrences(
  series: RecurringSeries,
  overrides: readonly OccurrenceOverride[],
  from: Date,
  to: Date,
  options: ExpandOptions = {},
): Occurrence[] {
  const limit = options.limit ?? MAX_OCCURRENCES_PER_WINDOW;
  const byOriginal = new Map(overrides.map((o) => [o.originalStart.getTime(), o]));
  const durationMs = (minutes: number) => minutes * 60_000;
  const make = (originalStart: Date, o: OccurrenceOverride | undefined): Occurrence => {
    const start = o?.newStart ?? originalStart;
    const minutes = o?.newDurationMinutes ?? series.durationMinutes;
    return {
      originalStart,
      start,
      end: new Date(start.getTime() + durationMs(minutes)),
      cancelled: o?.cancelled ?? false,
      rescheduled: !!o && (o.newStart !== null || o.newDurationMinutes !== null),
      note: o?.note ?? null,
    };
  };
  const result: Occurrence[] = [];
  for (const original of ruleStarts(series, from, to, limit + overrides.length)) {
    const occurrence = make(original, byOriginal.get(original.getTime()));
    if (occurrence.start < from || occurrence.start >= to) continue; // moved out of the window
    result.push(occurrence);
  }
  // Occurrences moved into the window from outside it.
  for (const o of overrides) {
    if (!o.newStart || o.newStart < from || o.newStart >= to) continue;
    if (o.originalStart >= from && o.originalStart < to) continue; // already handled above
    if (!isRuleStart(series, o.originalStart)) continue; // the rule changed since: the override is stale
    result.push(make(o.originalStart, o));
  }
  return result
    .filter((o) => options.includeCancelled || !o.cancelled)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.originalStart.getTime() - b.originalStart.getTime())
    .slice(0, limit);
}

/** The next `count` occurrences starting at or after `from` (searching ahead at most `horizonDays`). */
export function nextOccurrences(
  series: RecurringSeries,
  overrides: readonly OccurrenceOverride[],
  from: Date,
  count: number,
  horizonDays = 3 * 366,
): Occurrence[] {
  const result: Occurrence[] = [];
  let windowStart = from;
  const end = new Date(from.getTime() + horizonDays * 86_400_000);
  // Walk forward in 120-day windows so a daily series never expands years ahead at once.
  while (result.length < count && windowStart < end) {
    const windowEnd = new Date(Math.min(end.getTime(), windowStart.getTime() + 120 * 86_400_000));
    result.push(...expandOccurrences(series, overrides, windowStart, windowEnd, { limit: count - result.length }));
    windowStart = windowEnd;
  }
  return result.slice(0, count);
}

/** The instant of the series' first start, for validation (end before start…). */
export function firstStartInstant(series: Pick<RecurringSeries, 'startLocal' | 'timeZone'>): Date {
  const start = seriesStart({ ...series, durationMinutes: 1, rrule: null });
  return fromFloating(start, series.timeZone);
}

/**
 * The first start, and the last start (null when the rule has no end or more than `cap` occurrences),
 * as instants. Throws a RecurrenceError when the rule never gives a date within five years.
 */
export function seriesBounds(series: RecurringSeries, cap = 5000): { firstStart: Date; lastStart: Date | null } {
  const start = seriesStart(series);
  const startInstant = fromFloating(start, series.timeZone);
  if (!series.rrule) return { firstStart: startInstant, lastStart: startInstant };
  const rule = new RRule({ ...ruleOptions(series), dtstart: start, tzid: undefined });
  if (rule.origOptions.until && rule.origOptions.until < start) {
    throw new RecurrenceError('rrule', 'untilBeforeStart', 'The repeat rule ends (UNTIL) before the first meeting. Move the end after the start.');
  }
  const first = rule.after(new Date(start.getTime() - 1), true);
  if (!first || first.getTime() - start.getTime() > 5 * 366 * 86_400_000) {
    throw new RecurrenceError('rrule', 'noOccurrence', 'This repeat rule gives no meeting date in the five years after the start. Check the rule and the start.');
  }
  const opts = rule.origOptions;
  if (!opts.count && !opts.until) return { firstStart: fromFloating(first, series.timeZone), lastStart: null };
  let last: Date | null = null;
  let n = 0;
  rule.all((d: Date) => {
    last = d;
    n += 1;
    return n < cap;
  });
  return { firstStart: fromFloating(first, series.timeZone), lastStart: n >= cap || !last ? null : fromFloating(last, series.timeZone) };
}
