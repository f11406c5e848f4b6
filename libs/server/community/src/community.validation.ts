import { isEmail, isTimeZone } from '@anyam/shared/domain';
import { CommunityError } from './community.errors';

export const COMMUNITY_LIMITS = {
  nameMax: 160,
  slugMax: 64,
  descriptionMax: 5000,
  cityMax: 120,
  websiteMax: 300,
  listMax: 20,
  serviceMax: 120,
  bioMax: 2000,
  pronounsMax: 40,
} as const;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:00)?$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Each validator returns the normalised value or throws a BAD_USER_INPUT naming the field. */
export const check = {
  name(value: string, field = 'name', max: number = COMMUNITY_LIMITS.nameMax): string {
    const v = value.trim().replace(/\s+/g, ' ');
    if (!v) throw CommunityError.empty(field);
    if (v.length > max) throw CommunityError.tooLong(field, max);
    return v;
  },
  text(value: string | null | undefined, field: string, max: number = COMMUNITY_LIMITS.descriptionMax): string {
    const v = (value ?? '').trim();
    if (v.length > max) throw CommunityError.tooLong(field, max);
    return v;
  },
  optionalText(value: string | null | undefined, field: string, max: number): string | null {
    const v = (value ?? '').trim();
    if (v.length > max) throw CommunityError.tooLong(field, max);
    return v || null;
  },
  slug(value: string, field = 'slug'): string {
    const v = value.trim().toLowerCase();
    if (v.length > COMMUNITY_LIMITS.slugMax || !SLUG.test(v)) throw CommunityError.slugInvalid(field);
    return v;
  },
  timeZone(value: string, field = 'timeZone'): string {
    if (!isTimeZone(value)) throw CommunityError.timeZoneUnknown(field);
    return value;
  },
  country(value: string, field = 'country'): string {
    const v = value.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(v) || regionNames.of(v) === v) throw CommunityError.countryUnknown(field);
    return v;
  },
  languages(values: readonly string[], field = 'languages'): string[] {
    if (values.length > COMMUNITY_LIMITS.listMax) throw CommunityError.listTooLong(field, COMMUNITY_LIMITS.listMax);
    try {
      return [...new Set(values.map((v) => Intl.getCanonicalLocales(v.trim())[0]))];
    } catch {
      throw CommunityError.languageInvalid(field);
    }
  },
  latitude(value: number): number {
    if (!Number.isFinite(value) || value < -90 || value > 90) throw CommunityError.latitude();
    return value;
  },
  longitude(value: number): number {
    if (!Number.isFinite(value) || value < -180 || value > 180) throw CommunityError.longitude();
    return value;
  },
  stage(value: number): number {
    if (!Number.isInteger(value) || value < 1 || value > 6) throw CommunityError.stage();
    return value;
  },
  website(value: string | null | undefined): string | null {
    const v = (value ?? '').trim();
    if (!v) return null;
    if (v.length > COMMUNITY_LIMITS.websiteMax) throw CommunityError.website();
    try {
      const url = new URL(v);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
    } catch {
      throw CommunityError.website();
    }
    return v;
  },
  date(value: string | null | undefined, field: string): string | null {
    if (value === null || value === undefined || value === '') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!d || d.toISOString().slice(0, 10) !== value) throw CommunityError.date(field);
    return value;
  },
  workingHours(wh: { start: string; end: string; weekdays: number[] }): { start: string; end: string; weekdays: number[] } {
    if (!TIME.test(wh.start) || !TIME.test(wh.end)) throw CommunityError.workingHours();
    const start = wh.start.slice(0, 5);
    const end = wh.end.slice(0, 5);
    const weekdays = [...new Set(wh.weekdays)].sort();
    if (start >= end || weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw CommunityError.workingHours();
    }
    return { start, end, weekdays };
  },
  services(values: readonly string[]): string[] {
    if (values.length > COMMUNITY_LIMITS.listMax) throw CommunityError.listTooLong('services', COMMUNITY_LIMITS.listMax);
    return values.map((s) => check.name(s, 'services', COMMUNITY_LIMITS.serviceMax));
  },
  email(value: string): string {
    const v = value.trim().toLowerCase();
    if (!isEmail(v)) throw CommunityError.emailInvalid();
    return v;
  },
  ids(values: readonly string[], field: string): string[] {
    if (values.length > COMMUNITY_LIMITS.listMax) throw CommunityError.listTooLong(field, COMMUNITY_LIMITS.listMax);
    return [...new Set(values)];
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUIDs cannot exist: treat them as unknown rather than letting PostgreSQL reject them. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
