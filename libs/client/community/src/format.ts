import { intlLocale } from '@anyam/client/ui';

export interface ThemeLike {
  key: string;
  parentKey: string | null;
  position: number;
  names: { en: string; id: string; es: string; pt: string };
}

/** The three top themes each have a colour (a dot, always beside the theme's name). */
const THEME_COLOURS: Record<string, string> = {
  'wellness-safety': 'leaf',
  'strategic-relevance': 'madder',
  'institutional-resilience': 'indigo',
};

export function themeColour(theme: Pick<ThemeLike, 'key' | 'parentKey'>): string {
  return THEME_COLOURS[theme.parentKey ?? theme.key] ?? 'indigo';
}

export function themeName(theme: Pick<ThemeLike, 'names'>, locale: string): string {
  const names = theme.names as Record<string, string>;
  return names[locale] || theme.names.en;
}

/** Top themes in order, each followed by its sub-themes: for grouped selects and checkbox lists. */
export function groupThemes<T extends ThemeLike>(themes: readonly T[]): Array<{ parent: T; children: T[] }> {
  const byPosition = (a: T, b: T) => a.position - b.position;
  return themes
    .filter((t) => !t.parentKey)
    .sort(byPosition)
    .map((parent) => ({ parent, children: themes.filter((t) => t.parentKey === parent.key).sort(byPosition) }));
}

/** "Indonesia" / "Perú" from an ISO 3166 code, in the interface language. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "Bahasa Indonesia" / "quechua" from a BCP 47 tag, in the interface language. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function place(city: string | null | undefined, country: string, locale: string): string {
  const name = countryName(country, locale);
  return city ? `${city}, ${name}` : name;
}

/** A list joined the way the language does it: "online, hybrid and offline". */
export function formatList(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** ISO weekday (1 = Monday … 7 = Sunday) as a short name: 2024-01-01 was a Monday. */
export function weekdayName(day: number, locale: string, width: 'short' | 'long' = 'short'): string {
  const date = new Date(Date.UTC(2024, 0, day));
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(date);
}

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed and Fri". */
export function formatWeekdays(days: readonly number[], locale: string): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  const parts = runs.flatMap(([a, b]) =>
    b - a >= 2
      ? [`${weekdayName(a, locale)}–${weekdayName(b, locale)}`]
      : a === b
        ? [weekdayName(a, locale)]
        : [weekdayName(a, locale), weekdayName(b, locale)],
  );
  return formatList(parts, locale);
}

/** Minutes east of UTC of `timeZone` at `at`. */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return Math.round((local - at.getTime()) / 60000);
}

/** Today's "HH:MM" in `from` as an instant: for showing a hub's hours in the viewer's zone. */
export function localTimeToday(hhmm: string, from: string, now = new Date()): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return null;
  try {
    const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: from, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(now)
      .split('-')
      .map(Number);
    const guess = Date.UTC(ymd[0], ymd[1] - 1, ymd[2], Number(match[1]), Number(match[2]));
    return new Date(guess - offsetMinutes(from, new Date(guess)) * 60000);
  } catch {
    return null;
  }
}

export function formatClock(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}
