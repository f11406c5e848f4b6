import { browserTimeZone, formatTime, Select, TextField, useAnnounce, zoneAbbreviation } from '@anyam/client/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

const REGIONS = ['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific'];

function allZones(): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires (Argentina)". */
function zoneLabel(zone: string): string {
  const parts = zone.split('/');
  const city = (parts.pop() ?? zone).replace(/_/g, ' ');
  const middle = parts.slice(1).map((p) => p.replace(/_/g, ' '));
  return middle.length ? `${city} (${middle.join(', ')})` : city;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_/]/g, ' ')
    .toLowerCase();
}

export interface TimeZoneFieldProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | null;
}

/**
 * Time zone picker: a search box narrowing a native select of every IANA zone the browser knows, grouped
 * by region, with the current time in the chosen zone as a check.
 */
export function TimeZoneField({ id, value, onChange, error }: TimeZoneFieldProps) {
  const { t, i18n } = useTranslation('account');
  const announce = useAnnounce();
  const [query, setQuery] = useState('');
  const zones = useMemo(() => {
    const list = allZones();
    const own = browserTimeZone();
    if (!list.includes(own)) list.push(own);
    if (value && !list.includes(value)) list.push(value);
    return list.map((zone) => ({ zone, label: zoneLabel(zone), search: fold(`${zone} ${zoneLabel(zone)}`) }));
  }, [value]);

  const options = useMemo(() => {
    const q = fold(query.trim());
    const matching = zones.filter((z) => z.zone === value || !q || z.search.includes(q));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const z of matching) {
      const region = REGIONS.includes(z.zone.split('/')[0]) && z.zone.includes('/') ? z.zone.split('/')[0] : 'Other';
      const list = groups.get(region) ?? [];
      list.push({ value: z.zone, label: z.label });
      groups.set(region, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
      .map(([region, list]) => ({
        label: t(`timeZone.regions.${region}`),
        options: list.sort((a, b) => a.label.localeCompare(b.label)),
      }));
  }, [zones, query, value, t]);

  const locale = i18n.resolvedLanguage ?? 'en';
  const now = new Date();
  let hint = '';
  try {
    hint = t('timeZone.now', {
      time: `${formatTime(now, { locale, timeZone: value })} ${zoneAbbreviation(now, locale, value)}`,
    });
  } catch {
    hint = '';
  }

  return (
    <fieldset className="an-fieldset">
      <legend className="an-field__label">{t('timeZone.legend')}</legend>
      <TextField
        id={`${id}-search`}
        type="search"
        label={t('timeZone.search')}
        hint={t('timeZone.searchHint')}
        value={query}
        autoComplete="off"
        onChange={(next) => {
          setQuery(next);
          const q = fold(next.trim());
          const n = q ? zones.filter((z) => z.search.includes(q)).length : zones.length;
          announce(t('timeZone.matches', { n }));
        }}
      />
      <Select
        id={id}
        label={t('timeZone.label')}
        hint={hint}
        value={value}
        error={error}
        onChange={onChange}
        options={options}
      />
    </fieldset>
  );
}
