import { intlLocale, zoneAbbreviation } from '@anyam/client/ui';
import { DateTime } from 'luxon';

/**
 * Meeting times for people: every time names its zone. Luxon does the calendar arithmetic in the viewer's
 * zone (which day a meeting falls on, the weeks of a month); Intl does the wording in their language.
 */

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
  const dt = typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromJSDate(value);
  return dt.setZone(timeZone).toISODate() ?? '';
}

/** Today in a zone, YYYY-MM-DD. */
export function today(timeZone: string): string {
  return DateTime.now().setZone(timeZone).toISODate() ?? '';
}

/** Monday of the week of a day. */
export function weekStart(day: string): string {
  return DateTime.fromISO(day).startOf('week').toISODate() ?? day;
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day).plus({ days }).toISODate() ?? day;
}

export function addMonths(day: string, months: number): string {
  return DateTime.fromISO(day).plus({ months }).toISODate() ?? day;
}

/** The instant a day starts in a zone, ISO (for the API's from/to). */
export function startOfDayInstant(day: string, timeZone: string): string {
  return DateTime.fromISO(day, { zone: timeZone }).startOf('day').toUTC().toISO() ?? '';
}

/** The 6 × 7 (or 5 × 7) days shown for the month of a day, Monday first. */
export function monthGrid(day: string): string[][] {
  const first = DateTime.fromISO(day).startOf('month');
  const last = first.endOf('month');
  let cursor = first.startOf('week');
  const weeks: string[][] = [];
  while (cursor <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(cursor.toISODate() ?? '');
      cursor = cursor.plus({ days: 1 });
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
  const dt = DateTime.fromISO(local, { zone: timeZone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** An instant as the wall clock of a zone: "2027-03-09T09:00". */
export function instantToLocal(value: string, timeZone: string): string {
  return DateTime.fromISO(value).setZone(timeZone).toFormat("yyyy-LL-dd'T'HH:mm");
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
  return DateTime.fromISO(day).weekday - 1;
}
