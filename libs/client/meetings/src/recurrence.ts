/**
 * The readable recurrence editor's model: a few choices a person makes ("every second Tuesday, until
 * 31 Dec") turned into an RFC 5545 RRULE value and back. The server validates and expands the rule; the
 * browser never ships a recurrence library.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Frequency = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly';
/** 1–4 = first to fourth, -1 = last. */
export type Ordinal = 1 | 2 | 3 | 4 | -1;
export const ORDINALS: Ordinal[] = [1, 2, 3, 4, -1];

export interface Recurrence {
  freq: Frequency;
  interval: number;
  /** Weekly: the days. */
  weekdays: Weekday[];
  /** Monthly: by a weekday of a week ("second Tuesday") or by a day of the month ("the 15th"). */
  monthlyBy: 'ordinal' | 'day';
  ordinal: Ordinal;
  weekday: Weekday;
  monthDay: number;
  end: 'none' | 'until' | 'count';
  /** YYYY-MM-DD, the last day meetings may fall on (in the series' zone). */
  until: string;
  count: number;
}

/** The weekday (MO…SU) of a YYYY-MM-DD date. */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number);
  const js = new Date(Date.UTC(y, (m || 1) - 1, d || 1)).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7];
}

/** Which of its weekday in the month a date is: the 2nd Tuesday → 2; a date in the last 7 days may also be -1. */
export function ordinalOf(date: string): Ordinal {
  const d = Number(date.split('-')[2]) || 1;
  const n = Math.ceil(d / 7);
  return (n > 4 ? -1 : n) as Ordinal;
}

/** Defaults that match the first meeting's date: monthly on the same "second Tuesday", weekly on its day. */
export function defaultRecurrence(startDate: string): Recurrence {
  return {
    freq: 'none',
    interval: 1,
    weekdays: [weekdayOf(startDate)],
    monthlyBy: 'ordinal',
    ordinal: ordinalOf(startDate),
    weekday: weekdayOf(startDate),
    monthDay: Number(startDate.split('-')[2]) || 1,
    end: 'none',
    until: '',
    count: 10,
  };
}

/** The RRULE value for the choices, or '' for a single meeting. */
export function toRrule(r: Recurrence): string {
  if (r.freq === 'none') return '';
  const parts = [`FREQ=${r.freq.toUpperCase()}`];
  if (r.interval > 1) parts.push(`INTERVAL=${Math.floor(r.interval)}`);
  if (r.freq === 'weekly' && r.weekdays.length) {
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => r.weekdays.includes(d)).join(',')}`);
  }
  if (r.freq === 'monthly') {
    parts.push(r.monthlyBy === 'ordinal' ? `BYDAY=${r.ordinal}${r.weekday}` : `BYMONTHDAY=${r.monthDay}`);
  }
  if (r.end === 'until' && /^\d{4}-\d{2}-\d{2}$/.test(r.until)) parts.push(`UNTIL=${r.until.replace(/-/g, '')}T235959`);
  if (r.end === 'count' && r.count > 0) parts.push(`COUNT=${Math.floor(r.count)}`);
  return parts.join(';');
}

/**
 * The editor's choices for a stored rule, or null when the rule says more than the editor can show (it is
 * then kept and edited as text).
 */
export function fromRrule(rrule: string | null | undefined, startDate: string): Recurrence | null {
  const base = defaultRecurrence(startDate);
  if (!rrule) return base;
  const fields = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').toUpperCase().split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined) return null;
    fields.set(key, value);
  }
  const r: Recurrence = { ...base };
  const freq = fields.get('FREQ')?.toLowerCase();
  if (freq !== 'daily' && freq !== 'weekly' && freq !== 'monthly' && freq !== 'yearly') return null;
  r.freq = freq;
  fields.delete('FREQ');
  const interval = fields.get('INTERVAL');
  if (interval !== undefined) {
    if (!/^\d+$/.test(interval) || Number(interval) < 1) return null;
    r.interval = Number(interval);
    fields.delete('INTERVAL');
  }
  const until = fields.get('UNTIL');
  const count = fields.get('COUNT');
  if (until !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(until);
    if (!m) return null;
    r.end = 'until';
    r.until = `${m[1]}-${m[2]}-${m[3]}`;
    fields.delete('UNTIL');
  } else if (count !== undefined) {
    if (!/^\d+$/.test(count)) return null;
    r.end = 'count';
    r.count = Number(count);
    fields.delete('COUNT');
  }
  const byDay = fields.get('BYDAY');
  const byMonthDay = fields.get('BYMONTHDAY');
  if (freq === 'weekly' && byDay !== undefined) {
    const days = byDay.split(',');
    if (!days.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return null;
    r.weekdays = days as Weekday[];
    fields.delete('BYDAY');
  } else if (freq === 'monthly' && byDay !== undefined) {
    const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
    if (!m) return null;
    r.monthlyBy = 'ordinal';
    r.ordinal = Number(m[1]) as Ordinal;
    r.weekday = m[2] as Weekday;
    fields.delete('BYDAY');
  } else if (freq === 'monthly' && byMonthDay !== undefined) {
    if (!/^\d{1,2}$/.test(byMonthDay)) return null;
    r.monthlyBy = 'day';
    r.monthDay = Number(byMonthDay);
    fields.delete('BYMONTHDAY');
  } else if (freq === 'monthly') {
    r.monthlyBy = 'day';
  }
  fields.delete('WKST');
  return fields.size === 0 ? r : null;
}
