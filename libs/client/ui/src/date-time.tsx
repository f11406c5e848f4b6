import { useTranslation } from 'react-i18next';
import {
  formatDate,
  formatDateTime,
  formatRelative,
  formatTimeElsewhere,
  placeOfZone,
} from './format-date-time';
import { useViewer } from './viewer';

export interface DateTimeProps {
  value: string | Date;
  /**
   * absolute: "Tue 9 Dec, 09:00 GMT+7 (Asia/Jakarta)"; date: "Tue 9 Dec 2025";
   * relative: "3 hours ago", with the absolute time on hover, on focus and for screen readers.
   */
  variant?: 'absolute' | 'date' | 'relative';
  /** Override the viewer's zone. */
  timeZone?: string;
  /** Also show the time in this zone: "· 21:00 Mon in Lima". */
  alsoIn?: string;
}

export function DateTime({ value, variant = 'absolute', timeZone, alsoIn }: DateTimeProps) {
  const { t } = useTranslation('ui');
  const viewer = useViewer();
  const zone = timeZone ?? viewer.timeZone;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  const options = { locale: viewer.locale, timeZone: zone };
  const absolute =
    formatDateTime(date, options) +
    (alsoIn && alsoIn !== zone
      ? ` · ${t('dateTime.elsewhere', {
          time: formatTimeElsewhere(date, { locale: viewer.locale, timeZone: alsoIn }),
          place: placeOfZone(alsoIn),
        })}`
      : '');

  if (variant === 'date') {
    return <time dateTime={iso}>{formatDate(date, options)}</time>;
  }
  if (variant === 'relative') {
    const relative = formatRelative(date, { locale: viewer.locale });
    return (
      <time dateTime={iso} className="an-time--relative" tabIndex={0} title={absolute}>
        <span aria-hidden="true">{relative}</span>
        <span className="an-vh">{`${relative} (${absolute})`}</span>
        <span className="an-time__tip" aria-hidden="true">
          {absolute}
        </span>
      </time>
    );
  }
  return <time dateTime={iso}>{absolute}</time>;
}
