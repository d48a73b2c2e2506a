import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { BadInputError, RateLimitedError, type DomainError } from '../errors/domain-error.js';
import type { JsonLogger } from '../logging/json-logger.js';
import type { RateLimitService } from '../rate-limit/rate-limit.service.js';
import type { LimitsConfig } from '../../config/config.js';
import { DocumentAnalyser, fragmentsOf } from './document-analysis.js';
import type { GraphQLContext } from './graphql-context.js';

function refuse(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

/**
 * Counts every request against the per-address limit per minute: an operation by its root fields (so
 * fifteen aliased sign-ins count fifteen), a document refused at parse or validation as one. Then refuses
 * an operation whose estimated cost is over the limit (the refusal has been counted too).
 */
export function operationLimitsPlugin(
  limits: LimitsConfig,
  rateLimits: RateLimitService,
  logger: JsonLogger,
): ApolloServerPlugin<GraphQLContext> {
  const count = async (context: GraphQLContext, fields: number): Promise<void> => {
    if (limits.perMinute === 0) return;
    let hit;
    try {
      hit = await rateLimits.hit(`api:ip:${context.viewer.ip}`, 60, fields);
    } catch (error) {
      // Counting needs the database; when it is away the operation fails on its own, with a clear error.
      logger.emit('warn', 'rate limit not counted', {
        requestId: context.req.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (hit.count > limits.perMinute) throw refuse(new RateLimitedError(hit.retryAfterSeconds), 429);
  };

  return {
    async requestDidStart() {
      let counted = false;
      return {
        async didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (!operation) return;
          const { figures } = DocumentAnalyser.measure(schema, fragmentsOf(document), operation, request.variables);
          counted = true;
          await count(contextValue, Math.max(1, figures.fields));
          if (figures.cost > limits.maxCost) {
            throw refuse(
              new BadInputError(
                {},
                `The query asks for too much: cost ${figures.cost}, at most ${limits.maxCost}. Ask for smaller pages.`,
              ),
              400,
            );
          }
        },
        async didEncounterErrors({ contextValue }) {
          // Refused before an operation was known (parse, validation): it still counts as one.
          if (counted || !contextValue?.viewer) return;
          counted = true;
          await count(contextValue, 1).catch(() => {});
        },
      };
    },
  };
}
