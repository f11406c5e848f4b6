/**
 * True when `value` is an IANA time zone this runtime knows ("Asia/Jakarta", "America/Lima", "UTC").
 * Offsets ("+07:00") and abbreviations ("WIB") are rejected: they do not follow daylight-saving rules.
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
