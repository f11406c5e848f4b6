/** Input limits shared by API validation and web forms. */
export const LIMITS = {
  emailMax: 254,
  nameMin: 1,
  nameMax: 80,
  passwordMin: 10,
  passwordMax: 256,
} as const;

/** A deliberately simple e-mail shape check: something@domain.tld, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LIMITS.emailMax && EMAIL_PATTERN.test(value);
}

/**
 * Why a password is too weak, or null when it is acceptable. Length matters most (NIST SP 800-63B);
 * we also refuse passwords made of one repeated character or that contain the e-mail's local part.
 */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'repetitive' | 'containsEmail';

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < LIMITS.passwordMin) return 'tooShort';
  if (password.length > LIMITS.passwordMax) return 'tooLong';
  if (new Set(password).size < 4) return 'repetitive';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'containsEmail';
  return null;
}
