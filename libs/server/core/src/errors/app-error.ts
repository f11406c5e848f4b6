import { ErrorCode } from '@anyam/shared/domain';

export interface ErrorDetails {
  /** The input field at fault, for BAD_USER_INPUT / CONFLICT. */
  field?: string;
  /** A stable machine key the web app translates ("tooShort", "taken", …). */
  reason?: string;
  /** For RATE_LIMITED: seconds until a retry can succeed. */
  retryAfterSeconds?: number;
}

/**
 * The one error class domains throw (directly or through their own subclass). `code` becomes the
 * GraphQL `extensions.code`; `message` must be something a person understands.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  static badInput(field: string, reason: string, message: string): AppError {
    return new AppError(ErrorCode.BadUserInput, message, { field, reason });
  }
  static notFound(message = 'Not found.'): AppError {
    return new AppError(ErrorCode.NotFound, message);
  }
  static forbidden(message = 'You are not allowed to do that.'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }
  static unauthenticated(message = 'Please sign in.', reason?: string): AppError {
    return new AppError(ErrorCode.Unauthenticated, message, reason ? { reason } : {});
  }
  static conflict(field: string, reason: string, message: string): AppError {
    return new AppError(ErrorCode.Conflict, message, { field, reason });
  }
  static rateLimited(retryAfterSeconds: number): AppError {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new AppError(ErrorCode.RateLimited, `Too many attempts. Try again in ${seconds} seconds.`, {
      retryAfterSeconds: seconds,
    });
  }
}
