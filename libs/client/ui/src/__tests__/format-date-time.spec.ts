import { formatDateTime, formatRelative, formatTimeElsewhere, formatWait, placeOfZone } from '../format-date-time';

const nineInJakarta = new Date('2025-12-09T02:00:00Z'); // Tue 9 Dec 2025, 09:00 in Asia/Jakarta
const sameYear = new Date('2025-06-01T00:00:00Z');

describe('formatDateTime', () => {
  it('names the day, the time, the zone abbreviation and the IANA zone', () => {
    expect(formatDateTime(nineInJakarta, { locale: 'en', timeZone: 'Asia/Jakarta', now: sameYear })).toBe(
      'Tue 9 Dec, 09:00 GMT+7 (Asia/Jakarta)',
    );
  });

  it('uses the language’s own words and zone names', () => {
    expect(formatDateTime(nineInJakarta, { locale: 'id', timeZone: 'Asia/Jakarta', now: sameYear })).toBe(
      'Sel, 9 Des, 09.00 WIB (Asia/Jakarta)',
    );
    expect(formatDateTime(nineInJakarta, { locale: 'es', timeZone: 'America/Lima', now: sameYear })).toMatch(
      /^lun, 8 dic, 21:00 .+ \(America\/Lima\)$/,
    );
  });

  it('adds the year when it is not this year', () => {
    const nextYear = new Date('2024-06-01T00:00:00Z');
    expect(formatDateTime(nineInJakarta, { locale: 'en', timeZone: 'Asia/Jakarta', now: nextYear })).toContain('2025');
  });

  it('shows the same moment elsewhere, with the weekday', () => {
    expect(formatTimeElsewhere(nineInJakarta, { locale: 'en', timeZone: 'America/Lima' })).toBe('21:00 Mon');
    expect(placeOfZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});

describe('formatRelative and formatWait', () => {
  const now = new Date('2025-12-09T12:00:00Z');
  it('says how long ago in each language', () => {
    expect(formatRelative(new Date('2025-12-09T09:00:00Z'), { locale: 'en', now })).toBe('3 hours ago');
    expect(formatRelative(new Date('2025-12-09T09:00:00Z'), { locale: 'id', now })).toBe('3 jam yang lalu');
    expect(formatRelative(new Date('2025-12-09T11:59:50Z'), { locale: 'en', now })).toBe('now');
  });

  it('words a retry wait', () => {
    expect(formatWait(30, 'en')).toBe('in 30 seconds');
    expect(formatWait(90, 'pt')).toBe('em 2 minutos');
  });
});
