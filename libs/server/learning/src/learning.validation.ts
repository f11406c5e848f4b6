import { LEARNING_LIMITS, LearningError } from './learning.errors';

export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw LearningError.empty(field);
  if (trimmed.length > max) throw LearningError.tooLong(field, max);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > max) throw LearningError.tooLong(field, max);
  return trimmed;
}

export function language(value: string, field = 'language'): string {
  const tag = value.trim();
  if (!LANGUAGE_TAG.test(tag) || tag.length > 35) throw LearningError.language(field);
  return tag;
}

export function slug(value: string): string {
  const s = value.trim();
  if (!SLUG.test(s) || s.length > 80) throw LearningError.slugInvalid();
  return s;
}

export function ids(field: string, values: readonly string[] | null | undefined, max: number): string[] {
  const unique = [...new Set(values ?? [])];
  if (unique.length > max) throw LearningError.tooMany(field, max);
  if (unique.some((v) => !UUID.test(v))) throw LearningError.unknown(field, 'One of the ids does not exist.');
  return unique;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function hours(value: number | null | undefined): number {
  const h = value ?? 1;
  if (!Number.isFinite(h) || h <= 0 || h > 10_000) throw LearningError.outOfRange('estimatedHours', 'Give the estimated hours as a number above 0.');
  return Math.round(h * 10) / 10;
}

export function minutes(value: number | null | undefined): number {
  const m = value ?? 10;
  if (!Number.isInteger(m) || m < 1 || m > 1440) throw LearningError.outOfRange('estimatedMinutes', 'Give between 1 and 1440 minutes.');
  return m;
}

export function isoDate(field: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw LearningError.invalid(field, 'Give a date as YYYY-MM-DD.');
  }
  return value;
}

export function httpsLink(field: string, value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (v.length > LEARNING_LIMITS.linkMax) throw LearningError.tooLong(field, LEARNING_LIMITS.linkMax);
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    throw LearningError.invalid(field, 'Give a web address starting with https://.');
  }
  return v;
}

/** A device time: not in the future (beyond a little clock skew), not absurdly old. */
export function clientTime(field: string, value: Date | null | undefined, now = new Date()): Date {
  const at = value ?? now;
  if (Number.isNaN(at.getTime())) throw LearningError.invalid(field, 'Give a valid date and time.');
  if (at.getTime() > now.getTime() + LEARNING_LIMITS.clockSkewMs) throw LearningError.future(field);
  if (at.getTime() < Date.UTC(2000, 0, 1)) throw LearningError.outOfRange(field, 'This time is too far in the past.');
  return at;
}
