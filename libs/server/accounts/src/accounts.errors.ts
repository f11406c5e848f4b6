import { AppError } from '@anyam/server/core';
import { LIMITS, PasswordProblem } from '@anyam/shared/domain';

/** Reasons the web app translates, per field. */
export enum AccountsReason {
  Invalid = 'invalid',
  Taken = 'taken',
  Empty = 'empty',
  TooLong = 'tooLong',
  Unsupported = 'unsupported',
  Unknown = 'unknown',
  Incorrect = 'incorrect',
  InvalidCredentials = 'invalidCredentials',
  InvalidOrExpired = 'invalidOrExpired',
  SessionEnded = 'sessionEnded',
}

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: `Use at least ${LIMITS.passwordMin} characters.`,
  tooLong: `Use at most ${LIMITS.passwordMax} characters.`,
  repetitive: 'Use a password with more variety than a few repeated characters.',
  containsEmail: 'Do not use your e-mail address in your password.',
};

export const AccountsError = {
  emailInvalid: () => AppError.badInput('email', AccountsReason.Invalid, 'Enter an e-mail address like name@example.org.'),
  emailTaken: () =>
    AppError.conflict('email', AccountsReason.Taken, 'An account with this e-mail address already exists. Sign in or reset your password.'),
  password: (field: string, problem: PasswordProblem) => AppError.badInput(field, problem, PASSWORD_MESSAGES[problem]),
  nameEmpty: () => AppError.badInput('name', AccountsReason.Empty, 'Enter your name.'),
  nameTooLong: () => AppError.badInput('name', AccountsReason.TooLong, `Use at most ${LIMITS.nameMax} characters for your name.`),
  localeUnsupported: () =>
    AppError.badInput('locale', AccountsReason.Unsupported, 'Choose English, Bahasa Indonesia, Español or Português.'),
  timeZoneUnknown: () =>
    AppError.badInput('timeZone', AccountsReason.Unknown, 'Choose a time zone from the list, such as Asia/Jakarta or America/Lima.'),
  currentPasswordIncorrect: () =>
    AppError.badInput('currentPassword', AccountsReason.Incorrect, 'Your current password is not correct.'),
  invalidCredentials: () =>
    AppError.unauthenticated('The e-mail address or password is not correct.', AccountsReason.InvalidCredentials),
  sessionEnded: () => AppError.unauthenticated('Your session has ended. Please sign in again.', AccountsReason.SessionEnded),
  resetTokenInvalid: () =>
    AppError.badInput('token', AccountsReason.InvalidOrExpired, 'This reset link is invalid or has expired. Ask for a new one.'),
};
