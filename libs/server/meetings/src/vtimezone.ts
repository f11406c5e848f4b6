import { DateTime } from 'luxon';

const DAY = 86_400_000;

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function localStamp(utcMillis: number, offsetMinutes: number): string {
  return new Date(utcMillis + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * An RFC 5545 VTIMEZONE for an IANA zone, computed with luxon from the zone database: one sub-component
 * per offset change between `fromYear` and `toYear` (explicit DTSTARTs, no rules), so any calendar
 * program (and ical.js in the tests) converts the feed's local times exactly as the API does.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const at = (ms: number) => DateTime.fromMillis(ms, { zone });
  let t = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  let prev = at(t);
  const part = (ms: number, from: number, to: number, dst: boolean) => {
    const kind = dst ? 'DAYLIGHT' : 'STANDARD';
    return [`BEGIN:${kind}`, `DTSTART:${localStamp(ms, from)}`, `TZOFFSETFROM:${offset(from)}`, `TZOFFSETTO:${offset(to)}`, `TZNAME:${at(ms).offsetNameShort ?? offset(to)}`, `END:${kind}`];
  };
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...part(t, prev.offset, prev.offset, prev.isInDST)];
  while (t < end) {
    const next = at(t + DAY);
    if (next.offset !== prev.offset) {
      // Binary search the minute of the change inside this day.
      let lo = t;
      let hi = t + DAY;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (at(mid).offset === prev.offset) lo = mid;
        else hi = mid;
      }
      lines.push(...part(hi, prev.offset, next.offset, at(hi).isInDST));
      prev = at(hi);
    }
    t += DAY;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
