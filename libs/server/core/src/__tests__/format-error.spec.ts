import { GraphQLError } from 'graphql';
import { ForbiddenException } from '@nestjs/common';
import { ErrorCode } from '@anyam/shared/domain';
import { AppError } from '../errors/app-error';
import { createErrorFormatter } from '../errors/format-error';

describe('error mapping', () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter({ error: (obj) => logged.push(obj) });
  const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['signUp'] });

  beforeEach(() => (logged.length = 0));

  it('keeps a domain error’s code, field and reason', () => {
    const error = wrap(AppError.badInput('email', 'invalid', 'Enter an e-mail address.'));
    expect(format(error.toJSON(), error)).toMatchObject({
      message: 'Enter an e-mail address.',
      extensions: { code: ErrorCode.BadUserInput, field: 'email', reason: 'invalid' },
    });
    expect(logged).toHaveLength(0);
  });

  it('maps Nest HTTP exceptions to GraphQL codes', () => {
    const error = wrap(new ForbiddenException());
    expect(format(error.toJSON(), error).extensions?.code).toBe(ErrorCode.Forbidden);
  });

  it('hides unexpected errors (SQL, stacks) behind a generic message and logs them', () => {
    const error = wrap(new Error('duplicate key value violates unique constraint "members_email_key" SELECT * FROM members'));
    const out = format({ ...error.toJSON(), extensions: { stacktrace: ['at x (file.ts:1)'] } }, error);
    expect(out.extensions).toEqual({ code: ErrorCode.Internal });
    expect(JSON.stringify(out)).not.toMatch(/SELECT|members_email_key|stacktrace/);
    expect(logged).toHaveLength(1);
  });

  it('passes GraphQL validation errors through without stack traces', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const out = format({ ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] } }, error);
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('tells how long to wait when rate limited', () => {
    const error = wrap(AppError.rateLimited(12.2));
    expect(format(error.toJSON(), error)).toMatchObject({ extensions: { code: ErrorCode.RateLimited, retryAfterSeconds: 13 } });
  });
});

describe('error mapping of malformed values that reach PostgreSQL', () => {
  it('answers BAD_USER_INPUT for an invalid uuid, without SQL', () => {
    const format = createErrorFormatter({ error: () => undefined });
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "Z^"'), { code: '22P02' });
    const queryFailed = Object.assign(new Error('invalid input syntax for type uuid: "Z^"'), { driverError, query: 'SELECT …' });
    const error = new GraphQLError(queryFailed.message, { originalError: queryFailed, path: ['hubs'] });
    const out = format(error.toJSON(), error);
    expect(out.extensions).toEqual({ code: ErrorCode.BadUserInput, reason: 'invalidFormat' });
    expect(out.message).not.toMatch(/uuid|SELECT/);
  });
});

describe('error mapping when the database is unreachable', () => {
  it('says so, with a code a client can retry on', () => {
    const format = createErrorFormatter({ error: () => undefined });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = new GraphQLError(refused.message, { originalError: refused, path: ['me'] });
    const out = format(error.toJSON(), error);
    expect(out.extensions).toEqual({ code: ErrorCode.Unavailable });
    expect(out.message).toMatch(/cannot reach its database/);
    expect(out.message).not.toMatch(/5432|ECONNREFUSED/);
  });
});
