import { addMonths, dayKey, startOfDayInstant, formatRange, instantToLocal, localToInstant, monthGrid, occurrencePath, weekStart } from '../time';

// 12 January 2027, 09:00–10:30 in Jakarta (UTC+7) = 02:00–03:30 UTC = 21:00–22:30 on Monday 11 January in Lima.
const start = '2027-01-12T02:00:00.000Z';
const end = '2027-01-12T03:30:00.000Z';

describe('meeting times', () => {
  it('shows a range in the viewer’s zone, named, in their language', () => {
    expect(formatRange(start, end, { locale: 'id', timeZone: 'Asia/Jakarta' })).toBe('Sel, 12 Jan 2027, 09.00–10.30 WIB (Asia/Jakarta)');
    expect(formatRange(start, end, { locale: 'es', timeZone: 'America/Lima' })).toMatch(/^lun, 11 ene 2027, 21:00–22:30 \S+ \(America\/Lima\)$/);
    expect(formatRange(start, end, { locale: 'en', timeZone: 'America/Lima' })).toBe('Mon, 11 Jan 2027, 21:00–22:30 GMT-5 (America/Lima)');
  });

  it('gives the end its own day when the meeting crosses midnight there', () => {
    const late = formatRange('2027-01-12T04:30:00.000Z', '2027-01-12T05:30:00.000Z', { locale: 'en', timeZone: 'America/Lima' });
    expect(late).toBe('Mon, 11 Jan 2027, 23:30–Tue, 12 Jan 2027, 00:30 GMT-5 (America/Lima)');
  });

  it('puts a meeting on the calendar day of the viewer’s zone', () => {
    expect(dayKey(start, 'Asia/Jakarta')).toBe('2027-01-12');
    expect(dayKey(start, 'America/Lima')).toBe('2027-01-11');
  });

  it('turns wall-clock times of a zone into instants and back, across daylight saving', () => {
    expect(localToInstant('2027-01-12T09:00', 'Asia/Jakarta')).toBe('2027-01-12T02:00:00.000Z');
    // Santiago: UTC−3 in January (summer), UTC−4 in July.
    expect(localToInstant('2027-01-12T09:00', 'America/Santiago')).toBe('2027-01-12T12:00:00.000Z');
    expect(localToInstant('2027-07-12T09:00', 'America/Santiago')).toBe('2027-07-12T13:00:00.000Z');
    expect(instantToLocal('2027-07-12T13:00:00.000Z', 'America/Santiago')).toBe('2027-07-12T09:00');
    expect(localToInstant('not a date', 'Asia/Jakarta')).toBeNull();
    expect(localToInstant('2027-01-12T09:00', 'Mars/Olympus')).toBeNull();
  });

  it('moves a time skipped by daylight saving forward and takes the earlier of a repeated one (as the server does)', () => {
    // Santiago springs forward on 5 September 2027 at 00:00 → 01:00: 00:30 does not exist, 01:30 (UTC−3) is used.
    expect(localToInstant('2027-09-05T00:30', 'America/Santiago')).toBe('2027-09-05T04:30:00.000Z');
    // It falls back on 4 April 2027 at 00:00 → 23:00: 23:30 on the 3rd happens twice; the first (UTC−3) is used.
    expect(localToInstant('2027-04-03T23:30', 'America/Santiago')).toBe('2027-04-04T02:30:00.000Z');
    expect(startOfDayInstant('2027-01-12', 'America/Lima')).toBe('2027-01-12T05:00:00.000Z');
    expect(startOfDayInstant('2027-01-12', 'Asia/Jakarta')).toBe('2027-01-11T17:00:00.000Z');
  });

  it('lays out months Monday first and steps by month', () => {
    const march = monthGrid('2027-03-09');
    expect(march[0][0]).toBe('2027-03-01');
    expect(march.every((week) => week.length === 7)).toBe(true);
    expect(march[march.length - 1][6]).toBe('2027-04-04');
    expect(monthGrid('2027-02-10')[0][0]).toBe('2027-02-01');
    expect(weekStart('2027-03-14')).toBe('2027-03-08');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('addresses an occurrence by its original start', () => {
    expect(occurrencePath('abc', '2027-01-12T02:00:00Z')).toBe('/meetings/abc/2027-01-12T02%3A00%3A00.000Z');
  });
});
