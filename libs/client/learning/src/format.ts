/** Small pure helpers of the learning pages (unit-tested in __tests__/format.spec.ts). */

export interface ThemeLike {
  key: string;
  parentKey: string | null;
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
  return (theme.names as Record<string, string>)[locale] || theme.names.en;
}

/** A language tag's name in the reader's language ("id" → "Bahasa Indonesia" in Indonesian, "Indonesian" in English). */
export function languageName(tag: string, locale: string): string {
  try {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "2.4 MB", "830 KB", "512 B" in the reader's number format. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** "my-module-title" from a title: lowercase ASCII words joined by hyphens (accents dropped), at most 80 characters. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** Moves the item at `from` one place up (-1) or down (+1); the same array when it cannot move. */
export function move<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** The lesson before and after `lessonId` in an ordered list of ids (for the reader's previous/next offline). */
export function neighbours(lessonIds: readonly string[], lessonId: string): { previous: string | null; next: string | null } {
  const at = lessonIds.indexOf(lessonId);
  if (at < 0) return { previous: null, next: null };
  return { previous: at > 0 ? lessonIds[at - 1] : null, next: at < lessonIds.length - 1 ? lessonIds[at + 1] : null };
}
