import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, GraphQLError, type FragmentDefinitionNode } from 'graphql';
import { BadInputError, RateLimitedError, type DomainError } from '../errors/domain-error.js';
import type { JsonLogger } from '../logging/json-logger.js';
import type { RateLimitService } from '../rate-limit/rate-limit.service.js';
import type { LimitsConfig } from '../../config/config.js';
import type { GraphQLContext } from './graphql-context.js';
import { operationCost, rootFieldCount } from './operation-cost.js';

function refuse(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

/**
 * Once an operation is known: refuses it when its estimated cost is over the limit, and counts its root
 * fields (so fifteen aliased sign-ins count fifteen) against the per-address limit per minute.
 */
export function operationLimitsPlugin(
  limits: LimitsConfig,
  rateLimits: RateLimitService,
  logger: JsonLogger,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = operationCost(operation, fragments, request.variables);
          if (cost > limits.maxCost) {
            throw refuse(
              new BadInputError(
                {},
                `The query asks for too much: cost ${cost}, at most ${limits.maxCost}. Ask for smaller pages.`,
              ),
              400,
            );
          }
          if (limits.perMinute === 0) return;
          let hit;
          try {
            hit = await rateLimits.hit(`api:ip:${contextValue.viewer.ip}`, 60, rootFieldCount(operation, fragments));
          } catch (error) {
            // Counting needs the database; when it is away the operation fails on its own, with a clear error.
            logger.emit('warn', 'rate limit not counted', {
              requestId: contextValue.req.id,
              error: error instanceof Error ? error.message : String(error),
            });
            return;
          }
          if (hit.count > limits.perMinute) throw refuse(new RateLimitedError(hit.retryAfterSeconds), 429);
        },
      };
    },
  };
}
