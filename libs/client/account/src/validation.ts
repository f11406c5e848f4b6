import { isEmail, LIMITS, passwordProblem } from '@anyam/shared/domain';

/**
 * Client-side checks with the same rules as the API (from @anyam/shared/domain). Each returns the
 * translation key of the problem in the "account" namespace, or null.
 */
export function nameProblem(value: string): string | null {
  const name = value.trim();
  if (name.length === 0) return 'errors.name.empty';
  if (name.length > LIMITS.nameMax) return 'errors.name.tooLong';
  return null;
}

export function emailProblem(value: string): string | null {
  const email = value.trim();
  if (email.length === 0) return 'errors.email.empty';
  if (!isEmail(email)) return 'errors.email.invalid';
  return null;
}

/** A new password (sign-up, reset, change). */
export function newPasswordProblem(value: string, email?: string): string | null {
  if (value.length === 0) return 'errors.password.empty';
  const problem = passwordProblem(value, email?.trim());
  return problem ? `errors.password.${problem}` : null;
}

/** The password typed to sign in: only "is it there". Its rules are checked by the server. */
export function signInPasswordProblem(value: string): string | null {
  return value.length === 0 ? 'errors.signInPassword.empty' : null;
}

export function currentPasswordProblem(value: string): string | null {
  return value.length === 0 ? 'errors.currentPassword.empty' : null;
}

/** Where to go after signing in: only paths on this site ("/profile"), never "//evil.example". */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** Values interpolated into problem messages ("Use at least {{min}} characters"). */
export const LIMIT_VALUES = {
  min: LIMITS.passwordMin,
  max: LIMITS.nameMax,
  maxPassword: LIMITS.passwordMax,
};
