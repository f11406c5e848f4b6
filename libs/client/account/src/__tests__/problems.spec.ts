import type { ApiProblem } from '@anyam/client/graphql';
import { problemMessages } from '../problems';
import { emailProblem, nameProblem, newPasswordProblem, safeNext } from '../validation';
import en from '../locales/en.json';

const problem = (p: Partial<ApiProblem>): ApiProblem => ({
  code: 'BAD_USER_INPUT',
  field: null,
  reason: null,
  retryAfterSeconds: null,
  ...p,
});

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

describe('API problems become messages, never codes', () => {
  it.each([
    [{ field: 'email', reason: 'invalid' }, 'email', 'errors.email.invalid'],
    [{ code: 'CONFLICT', field: 'email', reason: 'taken' }, 'email', 'errors.email.taken'],
    [{ field: 'newPassword', reason: 'repetitive' }, 'newPassword', 'errors.password.repetitive'],
    [{ field: 'currentPassword', reason: 'incorrect' }, 'currentPassword', 'errors.currentPassword.incorrect'],
    [{ field: 'token', reason: 'invalidOrExpired' }, 'token', 'errors.token.invalidOrExpired'],
    [{ code: 'UNAUTHENTICATED', reason: 'invalidCredentials' }, null, 'errors.invalidCredentials'],
    [{ code: 'NETWORK' }, null, 'errors.network'],
    [{ code: 'INTERNAL_SERVER_ERROR' }, null, 'errors.unknown'],
    [{ field: 'email', reason: 'somethingNew' }, 'email', 'errors.badInput'],
  ])('%j', (input, field, key) => {
    const [message] = problemMessages([problem(input)]);
    expect(message).toMatchObject({ field, key });
    expect(typeof lookup(key)).toBe('string');
  });

  it('carries the retry wait of RATE_LIMITED', () => {
    expect(problemMessages([problem({ code: 'RATE_LIMITED', retryAfterSeconds: 42 })])[0]).toEqual({
      field: null,
      key: 'errors.rateLimited',
      values: { seconds: 42 },
    });
  });
});

describe('client-side checks use the shared rules', () => {
  it('checks names, emails and new passwords', () => {
    expect(nameProblem('  ')).toBe('errors.name.empty');
    expect(nameProblem('x'.repeat(81))).toBe('errors.name.tooLong');
    expect(emailProblem('siti@')).toBe('errors.email.invalid');
    expect(emailProblem(' siti@example.org ')).toBeNull();
    expect(newPasswordProblem('short')).toBe('errors.password.tooShort');
    expect(newPasswordProblem('aaaaaaaaaaaa')).toBe('errors.password.repetitive');
    expect(newPasswordProblem('my-sitirahma-pass', 'sitirahma@example.org')).toBe('errors.password.containsEmail');
    for (const key of ['errors.name.empty', 'errors.password.containsEmail']) expect(typeof lookup(key)).toBe('string');
  });

  it('only follows ?next= to paths on this site', () => {
    expect(safeNext('/profile')).toBe('/profile');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
