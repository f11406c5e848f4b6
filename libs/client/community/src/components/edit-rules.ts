import { isTimeZone } from '@anyam/shared/domain';

/** Client-side checks with the API's rules; each returns a key in the "community" namespace, or null. */
export const rules = {
  name: (v: string) => (!v.trim() ? 'errors.name.empty' : v.trim().length > 120 ? 'errors.reason.tooLong' : null),
  description: (v: string) => (v.trim().length > 4000 ? 'errors.reason.tooLong' : null),
  country: (v: string) => {
    const code = v.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return 'errors.country.unknown';
    try {
      return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) === code ? 'errors.country.unknown' : null;
    } catch {
      return 'errors.country.unknown';
    }
  },
  latitude: (v: string) => {
    const n = Number(v.replace(',', '.'));
    return v.trim() === '' || !Number.isFinite(n) || n < -90 || n > 90 ? 'errors.latitude.outOfRange' : null;
  },
  longitude: (v: string) => {
    const n = Number(v.replace(',', '.'));
    return v.trim() === '' || !Number.isFinite(n) || n < -180 || n > 180 ? 'errors.longitude.outOfRange' : null;
  },
  timeZone: (v: string) => (isTimeZone(v.trim()) ? null : 'errors.timeZone.unknown'),
  time: (v: string) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'errors.workingHours.invalid'),
  website: (v: string) => (!v.trim() || /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v.trim()) ? null : 'errors.website.invalid'),
  languages: (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .every((tag) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag))
      ? null
      : 'errors.languages.invalid',
};

export const csv = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
