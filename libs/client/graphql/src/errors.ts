import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** One problem the API reported, read from a GraphQL error's `extensions`. */
export interface ApiProblem {
  /** BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, …, or NETWORK when the server could not be reached. */
  code: string;
  /** The input field it is about (email, password, name, locale, timeZone, currentPassword, newPassword, token). */
  field: string | null;
  /** Why: invalid, taken, tooShort, invalidCredentials, … */
  reason: string | null;
  retryAfterSeconds: number | null;
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** Everything an Apollo error says, as plain problems a form can map to its fields. */
export function readApiProblems(error: unknown): ApiProblem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const ext = (e.extensions ?? {}) as Record<string, unknown>;
      const retry = Number(ext['retryAfterSeconds']);
      return {
        code: asString(ext['code']) ?? 'INTERNAL_SERVER_ERROR',
        field: asString(ext['field']),
        reason: asString(ext['reason']),
        retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
      };
    });
  }
  // fetch() rejects with a TypeError when the server cannot be reached (offline, DNS, connection reset).
  const code = error instanceof TypeError ? 'NETWORK' : 'INTERNAL_SERVER_ERROR';
  return [{ code, field: null, reason: null, retryAfterSeconds: null }];
}

export function hasCode(error: unknown, code: string): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === code);
}
