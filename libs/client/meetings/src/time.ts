import { intlLocale, zoneAbbreviation } from '@anyam/client/ui';

/**
 * Meeting times for people: every time names its zone. Intl does the zone arithmetic (which day a meeting
 * falls on in my zone, a wall-clock time of a zone as an instant) and the wording in each language; plain
 * UTC dates do the calendar (weeks, months). No date library ships to phones.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string) {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone (a time skipped by daylight saving moves forward). */
function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return first === second ? first : Math.max(first, second);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (date: Date) => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const parseDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

export interface ZoneLocale {
  locale: string;
  timeZone: string;
}

function sameYear(date: Date, timeZone: string) {
  const year = (d: Date) => new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(d);
  return year(date) === year(new Date());
}

/** "Tue 9 Dec" (with the year when it is not this year). */
export function formatDay(value: Date | string, { locale, timeZone }: ZoneLocale): string {
  const date = new Date(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: sameYear(date, timeZone) ? undefined : 'numeric',
  }).format(date);
}

/** "09:00". */
export function formatClock(value: Date | string, { locale, timeZone }: ZoneLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}

/**
 * "Tue 9 Dec, 09:00–10:30 WIB (Asia/Jakarta)"; when the meeting ends on another day in that zone the end
 * carries its day too.
 */
export function formatRange(start: string, end: string, zl: ZoneLocale): string {
  const sameDay = dayKey(start, zl.timeZone) === dayKey(end, zl.timeZone);
  const endText = sameDay ? formatClock(end, zl) : `${formatDay(end, zl)}, ${formatClock(end, zl)}`;
  return `${formatDay(start, zl)}, ${formatClock(start, zl)}–${endText} ${zoneAbbreviation(start, zl.locale, zl.timeZone)} (${zl.timeZone})`;
}

/** The same instant in another zone, short: "21:00 Mon, 8 Dec" – for hubs side by side. */
export function formatElsewhere(value: string, zl: ZoneLocale): string {
  return `${formatClock(value, zl)} ${zoneAbbreviation(value, zl.locale, zl.timeZone)} · ${formatDay(value, zl)}`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayKey(value: string | Date, timeZone: string): string {
  const w = wallClock(new Date(value).getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Today in a zone, YYYY-MM-DD. */
export function today(timeZone: string): string {
  return dayKey(new Date(), timeZone);
}

/** Monday of the week of a day. */
export function weekStart(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return isoDay(first);
}

/** The instant a day starts in a zone, ISO (for the API's from/to). */
export function startOfDayInstant(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(zonedInstant(y, m, d, 0, 0, timeZone)).toISOString();
}

/** The 6 × 7 (or 5 × 7) days shown for the month of a day, Monday first. */
export function monthGrid(day: string): string[][] {
  const first = `${day.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  let cursor = weekStart(first);
  const weeks: string[][] = [];
  while (cursor <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(cursor);
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** "December 2026" in the language. */
export function monthTitle(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A calendar day in words: "Tuesday 9 December 2026". */
export function longDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** Short weekday names Monday first ("Mon", "Sen", "lun", "seg"). */
export function weekdayNames(locale: string, style: 'short' | 'long' | 'narrow' = 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(intlLocale(locale), { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i, 12))),
  );
}

/** A wall-clock date and time typed in a zone → the instant, or null when it does not parse. */
export function localToInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  try {
    return new Date(zonedInstant(y, mo, d, h, mi, timeZone)).toISOString();
  } catch {
    return null;
  }
}

/** An instant as the wall clock of a zone: "2027-03-09T09:00". */
export function instantToLocal(value: string, timeZone: string): string {
  const w = wallClock(new Date(value).getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The URL segment of an occurrence: its original start as an ISO instant. */
export function occurrencePath(seriesId: string, originalStart: string): string {
  return `/meetings/${seriesId}/${encodeURIComponent(new Date(originalStart).toISOString())}`;
}

/** Every IANA zone the browser knows (for the series form), with the given ones first. */
export function timeZones(first: string[]): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([...first.filter(Boolean), ...all, 'UTC'])];
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (parseDay(day).getUTCDay() + 6) % 7;
}
