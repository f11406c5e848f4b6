import { defaultRecurrence, fromRrule, ordinalOf, toRrule, weekdayOf, type Recurrence } from '../recurrence';

describe('recurrence editor model', () => {
  it('reads the first meeting’s date: 2026-12-08 is the second Tuesday', () => {
    expect(weekdayOf('2026-12-08')).toBe('TU');
    expect(ordinalOf('2026-12-08')).toBe(2);
    expect(ordinalOf('2026-12-29')).toBe(-1);
    expect(defaultRecurrence('2026-12-08')).toMatchObject({ freq: 'none', weekday: 'TU', ordinal: 2, monthDay: 8, weekdays: ['TU'] });
  });

  it('writes every second Tuesday, weekly days in order, day of month, interval and ends', () => {
    const base = defaultRecurrence('2026-12-08');
    expect(toRrule(base)).toBe('');
    expect(toRrule({ ...base, freq: 'monthly' })).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(toRrule({ ...base, freq: 'monthly', ordinal: -1, weekday: 'FR', end: 'count', count: 6 })).toBe('FREQ=MONTHLY;BYDAY=-1FR;COUNT=6');
    expect(toRrule({ ...base, freq: 'monthly', monthlyBy: 'day', interval: 3 })).toBe('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=8');
    expect(toRrule({ ...base, freq: 'weekly', interval: 2, weekdays: ['TH', 'MO'], end: 'until', until: '2027-06-30' })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270630T235959',
    );
    expect(toRrule({ ...base, freq: 'daily', end: 'until', until: '' })).toBe('FREQ=DAILY');
  });

  it('reads back what it writes, and the demo rules', () => {
    const cases: Array<Partial<Recurrence>> = [
      { freq: 'monthly', ordinal: 3, weekday: 'WE', interval: 3 },
      { freq: 'weekly', weekdays: ['MO', 'WE'], end: 'count', count: 12 },
      { freq: 'monthly', monthlyBy: 'day', monthDay: 15, end: 'until', until: '2027-12-31' },
      { freq: 'yearly' },
    ];
    for (const c of cases) {
      const r = { ...defaultRecurrence('2027-01-20'), ...c };
      const parsed = fromRrule(toRrule(r), '2027-01-20');
      expect(parsed && toRrule(parsed)).toBe(toRrule(r));
    }
    expect(fromRrule('FREQ=MONTHLY;BYDAY=2TU', '2026-01-13')).toMatchObject({ freq: 'monthly', monthlyBy: 'ordinal', ordinal: 2, weekday: 'TU' });
    expect(fromRrule('FREQ=MONTHLY;INTERVAL=3;BYDAY=3WE', '2026-01-21')).toMatchObject({ interval: 3, ordinal: 3, weekday: 'WE' });
    expect(fromRrule('FREQ=WEEKLY;UNTIL=20270101T050000Z', '2026-01-13')).toMatchObject({ end: 'until', until: '2027-01-01' });
  });

  it('leaves rules it cannot show to the text box (null)', () => {
    expect(fromRrule('FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2', '2026-01-13')).toBeNull();
    expect(fromRrule('FREQ=HOURLY;COUNT=3', '2026-01-13')).toBeNull();
    expect(fromRrule('FREQ=MONTHLY;BYMONTH=3', '2026-01-13')).toBeNull();
    expect(fromRrule('nonsense', '2026-01-13')).toBeNull();
    expect(fromRrule(null, '2026-01-13')).toMatchObject({ freq: 'none' });
  });
});
