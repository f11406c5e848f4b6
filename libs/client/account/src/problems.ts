import type { ApiProblem } from '@anyam/client/graphql';

/** The field + reason pairs the API may report, each with a message in locales/*.json under errors.<field>.<reason>. */
const KNOWN: Record<string, readonly string[]> = {
  email: ['invalid', 'taken'],
  password: ['tooShort', 'tooLong', 'repetitive', 'containsEmail'],
  name: ['empty', 'tooLong'],
  locale: ['unsupported'],
  timeZone: ['unknown'],
  currentPassword: ['incorrect'],
  token: ['invalidOrExpired'],
};

/** The API's `newPassword` follows the same rules and reads the same as `password`. */
const MESSAGE_FIELD: Record<string, string> = { newPassword: 'password' };

export interface ProblemMessage {
  /** The API field it belongs to, or null for the whole form. */
  field: string | null;
  key: string;
  /** Extra values for the message (retry wait). */
  values?: Record<string, unknown>;
}

/** Turns what the API said into translation keys, never a bare code. */
export function problemMessages(problems: ApiProblem[]): ProblemMessage[] {
  return problems.map((problem) => {
    if (problem.field && problem.reason) {
      const messageField = MESSAGE_FIELD[problem.field] ?? problem.field;
      if (KNOWN[messageField]?.includes(problem.reason)) {
        return { field: problem.field, key: `errors.${messageField}.${problem.reason}` };
      }
    }
    switch (problem.code) {
      case 'UNAUTHENTICATED':
        return {
          field: null,
          key: problem.reason === 'invalidCredentials' ? 'errors.invalidCredentials' : 'errors.unauthenticated',
        };
      case 'RATE_LIMITED':
        return { field: null, key: 'errors.rateLimited', values: { seconds: problem.retryAfterSeconds ?? 60 } };
      case 'NETWORK':
        return { field: null, key: 'errors.network' };
      case 'SERVICE_UNAVAILABLE':
        return { field: null, key: 'errors.unavailable' };
      case 'BAD_USER_INPUT':
        return { field: problem.field, key: 'errors.badInput' };
      default:
        return { field: null, key: 'errors.unknown' };
    }
  });
}
