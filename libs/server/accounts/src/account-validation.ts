import { isEmail, isLocale, isTimeZone, LIMITS, passwordProblem } from '@anyam/shared/domain';
import { AccountsError } from './accounts.errors';

/** Input rules for accounts; each returns the normalised value or throws a BAD_USER_INPUT naming the field. */
export const validate = {
  email(raw: string): string {
    const email = raw.trim().toLowerCase();
    if (!isEmail(email)) throw AccountsError.emailInvalid();
    return email;
  },
  name(raw: string): string {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name.length < LIMITS.nameMin) throw AccountsError.nameEmpty();
    if (name.length > LIMITS.nameMax) throw AccountsError.nameTooLong();
    return name;
  },
  password(password: string, email?: string, field = 'password'): string {
    const problem = passwordProblem(password, email);
    if (problem) throw AccountsError.password(field, problem);
    return password;
  },
  locale(raw: string): string {
    if (!isLocale(raw)) throw AccountsError.localeUnsupported();
    return raw;
  },
  timeZone(raw: string): string {
    if (!isTimeZone(raw)) throw AccountsError.timeZoneUnknown();
    return raw;
  },
};
