/**
 * Date and time wording for Anyam, all through Intl so each language gets its own order, names and
 * digits. Times always name their zone: "Tue 9 Dec, 09:00 GMT+7 (Asia/Jakarta)".
 */

/** The Intl locale for an interface language. English uses day-month order and a 24-hour clock. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

export interface ZoneOptions {
  locale: string;
  timeZone: string;
  /** For tests; defaults to the current time. */
  now?: Date;
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The zone's short name at that moment in that language ("WIB" in Indonesian, "GMT+7" in English). */
export function zoneAbbreviation(value: Date | string, locale: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: 'short' }).formatToParts(
    toDate(value),
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** The city part of an IANA zone: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function placeOfZone(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

function datePart(date: Date, { locale, timeZone, now = new Date() }: ZoneOptions): string {
  const sameYear =
    new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(date) ===
    new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  }).format(date);
}

export function formatTime(value: Date | string, { locale, timeZone }: ZoneOptions): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    toDate(value),
  );
}

/** "Tue 9 Dec, 09:00 GMT+7 (Asia/Jakarta)"; the year is added when it is not this year. */
export function formatDateTime(value: Date | string, options: ZoneOptions): string {
  const date = toDate(value);
  return `${datePart(date, options)}, ${formatTime(date, options)} ${zoneAbbreviation(date, options.locale, options.timeZone)} (${options.timeZone})`;
}

/** The day without a time, for dates such as "member since": "Tue 9 Dec 2025". */
export function formatDate(value: Date | string, { locale, timeZone }: ZoneOptions): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(toDate(value));
}

/** The same moment in another zone, short: "21:00 Mon". */
export function formatTimeElsewhere(value: Date | string, options: ZoneOptions): string {
  const date = toDate(value);
  const weekday = new Intl.DateTimeFormat(intlLocale(options.locale), {
    timeZone: options.timeZone,
    weekday: 'short',
  }).format(date);
  return `${formatTime(date, options)} ${weekday}`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago", "in 2 days", "now" in the given language. */
export function formatRelative(value: Date | string, { locale, now = new Date() }: { locale: string; now?: Date }) {
  const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      const amount = Math.round(seconds / size);
      return unit === 'second' && Math.abs(seconds) < 45 ? format.format(0, 'second') : format.format(amount, unit);
    }
  }
  return format.format(0, 'second');
}

/** A wait in seconds as "in 2 minutes" / "dalam 2 menit", for "try again …" messages. */
export function formatWait(seconds: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'always' });
  if (seconds < 60) return format.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}

/** The browser's own zone, or UTC when it cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
