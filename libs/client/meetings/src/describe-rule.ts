import type { TFunction } from 'i18next';
import { intlLocale } from '@anyam/client/ui';
import { WEEKDAYS, type Recurrence, type Weekday } from './recurrence';

function weekdayName(day: Weekday, locale: string): string {
  const index = WEEKDAYS.indexOf(day);
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index, 12)));
}

function longDate(day: string, locale: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function list(items: string[], locale: string): string {
  const ListFormat = (Intl as unknown as { ListFormat?: new (l: string, o: object) => { format(items: string[]): string } }).ListFormat;
  return ListFormat ? new ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items) : items.join(', ');
}

/**
 * The rule in a sentence of the viewer's language: "Every second Tuesday of the month at 09:00 WIB
 * (Asia/Jakarta), 12 times".
 */
export function describeRecurrence(r: Recurrence, t: TFunction, locale: string, at: { date: string; time: string; zone: string }): string {
  const count = r.interval;
  // Interval 1 has its own sentence ("every month"): plural rules cannot say it (Indonesian has one form).
  const n = count === 1 ? '' : 'N';
  let rule: string;
  switch (r.freq) {
    case 'none':
      return t('rule.once', at);
    case 'daily':
      rule = t(`rule.daily${n}`, { count });
      break;
    case 'weekly':
      rule = t(`rule.weekly${n}`, { count, days: list(r.weekdays.map((d) => weekdayName(d, locale)), locale) });
      break;
    case 'monthly':
      rule =
        r.monthlyBy === 'day'
          ? t(`rule.monthlyDay${n}`, { count, day: r.monthDay })
          : t(`rule.monthlyOrdinal${n}`, {
              count,
              ordinal: t(`${r.weekday === 'SA' || r.weekday === 'SU' ? 'ordinalWeekend' : 'ordinal'}.${r.ordinal === -1 ? 'last' : r.ordinal}`),
              weekday: weekdayName(r.weekday, locale),
            });
      break;
    case 'yearly':
      rule = t(`rule.yearly${n}`, { count, date: at.date });
      break;
  }
  const end = r.end === 'until' && r.until ? t('rule.until', { date: longDate(r.until, locale) }) : r.end === 'count' ? t('rule.times', { count: r.count }) : '';
  return `${rule} ${t('rule.at', { time: at.time, zone: at.zone })}${end ? `, ${end}` : ''}`;
}
