import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '@anyam/server/core';
import { ErrorCode } from '@anyam/shared/domain';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RateLimited]: 429,
};

/** REST endpoints answer like GraphQL errors: `{ message, code, field?, reason? }` with the matching HTTP status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('LearningHttp');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof AppError) {
      res.status(STATUS[exception.code] ?? 400).json({ message: exception.message, code: exception.code, ...exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 413 ? ErrorCode.BadUserInput : (Object.entries(STATUS).find(([, s]) => s === status)?.[0] ?? 'BAD_REQUEST');
      const message = status === 413 ? 'Files can be at most 10 MB.' : exception.message;
      res.status(status === 413 ? 400 : status).json({ message, code, ...(status === 413 ? { field: 'file', reason: 'fileTooLarge' } : {}) });
      return;
    }
    this.logger.error({ err: exception }, 'Unexpected error');
    res.status(500).json({ message: 'Something went wrong on our side.', code: 'INTERNAL_SERVER_ERROR' });
  }
}
