import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@anyam/shared/domain';

/**
 * Refuses operations whose estimated cost exceeds `maxCost`. Every field costs 1 unless it declares
 * `complexity` in its extensions (lists multiply by their `first` argument); aliases are counted as
 * separate fields, so aliasing the same field many times does not escape the limit.
 */
export function complexityPlugin(schema: () => GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema: schema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // getComplexity coerces variables first: a missing or mistyped variable is the client's mistake.
            throw new GraphQLError((e as Error).message, {
              extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } },
            });
          }
          if (cost > maxCost) {
            throw new GraphQLError(`This request is too large (cost ${cost}, limit ${maxCost}). Ask for fewer fields or items.`, {
              extensions: { code: ErrorCode.BadUserInput, reason: 'tooComplex', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
