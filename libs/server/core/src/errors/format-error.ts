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

/** PostgreSQL errors that can only come from a malformed value sent by the client. */
const INPUT_SQLSTATES: Record<string, string> = {
  '22P02': 'One of the values is not in the expected format (for example an id).',
  '22003': 'One of the numbers is out of range.',
  '22007': 'One of the dates or times is not valid.',
  '22008': 'One of the dates or times is out of range.',
  '22001': 'One of the values is too long.',
  '22021': 'One of the values contains a character that is not allowed.',
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
    if (isConnectionLoss(original)) {
      logger.error({ err: original, path: base.path }, 'Database unreachable');
      return {
        ...base,
        message: 'Anyam cannot reach its database right now. Nothing was changed; please try again in a moment.',
        extensions: { code: ErrorCode.Unavailable },
      };
    }
    const pgCode = (original as { driverError?: { code?: string } } | null)?.driverError?.code;
    if (pgCode && pgCode in INPUT_SQLSTATES) {
      // A value that slipped past validation (an id that is no UUID, a number out of range): the
      // client's mistake, and nothing was written — say so instead of a 500.
      return { ...base, message: INPUT_SQLSTATES[pgCode], extensions: { code: ErrorCode.BadUserInput, reason: 'invalidFormat' } };
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

/** Lost or refused database connections (server down, restarting, or shutting down). */
function isConnectionLoss(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = e?.driverError?.code ?? e?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08')) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i.test(
    e?.message ?? '',
  );
}

function internal(base: GraphQLFormattedError, original: unknown, logger: Logger): GraphQLFormattedError {
  logger.error({ err: original, path: base.path }, 'Unexpected error while resolving a GraphQL operation');
  return {
    message: 'Something went wrong on our side. Please try again.',
    path: base.path,
    extensions: { code: ErrorCode.Internal },
  };
}
