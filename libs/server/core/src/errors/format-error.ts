import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { ErrorCode } from '@anyam/shared/domain';
import { AppError } from './app-error';

type Logger = { error: (obj: object, msg: string) => void };

const APOLLO_CODES_TO_KEEP = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const HTTP_STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  429: ErrorCode.RateLimited,
};

/**
 * The one error mapping: domain errors keep their code and details; GraphQL's own validation errors
 * pass through (as BAD_USER_INPUT for bad variables); anything else is logged with its stack and
 * reaches the client as a generic INTERNAL_SERVER_ERROR — never a stack trace or SQL.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_TO_CODE[original.getStatus()] ?? ErrorCode.Internal;
      if (code === ErrorCode.Internal) return internal(base, original, logger);
      return { ...base, message: original.message, extensions: { code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_CODES_TO_KEEP.has(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: { ...extensions, code } };
    }
    if (original instanceof GraphQLError && !original.originalError && original.extensions?.code === undefined) {
      // Errors graphql-js raised while coercing variables or arguments.
      return { ...base, extensions: { code: ErrorCode.BadUserInput } };
    }
    return internal(base, original, logger);
  };
}

function internal(base: GraphQLFormattedError, original: unknown, logger: Logger): GraphQLFormattedError {
  logger.error({ err: original, path: base.path }, 'Unexpected error while resolving a GraphQL operation');
  return {
    message: 'Something went wrong on our side. Please try again.',
    path: base.path,
    extensions: { code: ErrorCode.Internal },
  };
}
