import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import depthLimit from 'graphql-depth-limit';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, GraphQLSchema } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { AppConfig } from '../config/app-config';
import { GRAPHQL_PATH } from '../config/config.constants';
import { ANONYMOUS, Actor } from '../auth/actor';
import { AuthenticatedRequest } from '../auth/authenticate.middleware';
import { bearerToken, TokenService } from '../auth/token.service';
import { createErrorFormatter } from '../errors/format-error';
import { RequestLoaders } from '../loaders/request-loaders';
import { complexityPlugin } from './complexity.plugin';
import { RequestContext } from './request-context';

interface WsExtra {
  request: { socket: { remoteAddress?: string } };
}

/**
 * Apollo Server settings: code-first schema, per-request context (actor + DataLoaders) for HTTP and
 * graphql-ws, depth and cost limits, CSRF prevention, one error mapping, introspection from config.
 */
export function graphqlOptions(config: AppConfig, tokens: TokenService): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  let schemaRef: GraphQLSchema | undefined;

  const formatError = createErrorFormatter({ error: (obj, msg) => logger.error({ ...obj, msg }) });

  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
    transformSchema: (schema: GraphQLSchema) => {
      schemaRef = schema;
      return schema;
    },
    // No HTTP cache hints are used; without this plugin Apollo wraps every field resolver to compute them.
    plugins: [ApolloServerPluginCacheControlDisabled(), complexityPlugin(() => schemaRef!, config.GRAPHQL_MAX_COST)],
    formatError,
    subscriptions: {
      'graphql-ws': {
        path: GRAPHQL_PATH,
        onConnect: (ctx: WsContext) => {
          const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
          const header = params.authorization ?? params.Authorization;
          // A bad token closes the socket with 4401 so the client refreshes and reconnects.
          if (header !== undefined && !tokens.actorFromToken(bearerToken(header) ?? '')) return false;
          return true;
        },
        // Results sent over WebSocket get the same error mapping as HTTP ones.
        onNext: (_ctx, _id, _payload, _args, result) => {
          if (!('errors' in result) || !result.errors?.length) return result;
          return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e) as GraphQLError) };
        },
      },
    },
    context: (arg: { req?: Request; res?: Response } & Partial<WsContext<Record<string, unknown>, WsExtra>>): RequestContext => {
      if (arg.req) {
        const req = arg.req as AuthenticatedRequest;
        const actor: Actor = req.actor ?? ANONYMOUS;
        return {
          actor,
          authProblem: req.authProblem,
          loaders: new RequestLoaders(actor),
          ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          req,
          res: arg.res,
          transport: 'http',
        };
      }
      const params = (arg.connectionParams ?? {}) as Record<string, unknown>;
      const token = bearerToken(params.authorization ?? params.Authorization);
      const actor: Actor = (token && tokens.actorFromToken(token)) || ANONYMOUS;
      return {
        actor,
        loaders: new RequestLoaders(actor, true),
        ip: arg.extra?.request.socket.remoteAddress ?? 'unknown',
        transport: 'ws',
      };
    },
  };
}
