import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { ApiTokenScope } from '@consulta/shared';
import {
  BadInputError,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
  type DomainError,
} from '../errors/domain-error.js';
import type { JsonLogger } from '../logging/json-logger.js';
import {
  LIMITED_MUTATIONS,
  type LimitedAction,
  type PersonLimitsService,
} from '../rate-limit/person-limits.service.js';
import { LeasedCounters } from '../rate-limit/leased-counters.js';
import type { RateLimitService } from '../rate-limit/rate-limit.service.js';
import type { LimitsConfig } from '../../config/config.js';
import { DocumentAnalyser, fragmentsOf, rootFieldCount, rootFieldsByName } from './document-analysis.js';
import type { GraphQLContext } from './graphql-context.js';

/** Mutations that anyone may run without a session; every other mutation needs one. */
const SESSIONLESS_MUTATIONS = new Set([
  'signUp',
  'signIn',
  'signOut',
  'verifyEmail',
  'requestPasswordReset',
  'resetPassword',
  'unsubscribe',
  'confirmEmailChange',
]);

/**
 * What a WRITE API token may run: the person's own participation. Everything else (the account, the password,
 * the email, tokens, webhooks, moderation, answers) needs a session; a READ token runs no mutation at all.
 */
export const TOKEN_WRITE_MUTATIONS = new Set([
  'submitIdea',
  'castVote',
  'retractVote',
  'addComment',
  'followIdea',
  'unfollowIdea',
]);

/** FORBIDDEN for a mutation the request's API token does not allow (before anything runs). */
export function refuseTokenMutations(context: GraphQLContext, operation: OperationDefinitionNode): void {
  const token = context.viewer.apiToken;
  if (!token || operation.operation !== 'mutation') return;
  const names = operation.selectionSet.selections.map((field) => (field.kind === Kind.FIELD ? field.name.value : '…'));
  const refused = names.filter(
    (name) => !name.startsWith('__') && (token.scope === ApiTokenScope.READ || !TOKEN_WRITE_MUTATIONS.has(name)),
  );
  if (refused.length === 0) return;
  throw refuse(new ForbiddenError(token.scope === ApiTokenScope.READ ? 'TOKEN_READ_ONLY' : 'SESSION_REQUIRED'), 200);
}

/**
 * Authentication comes first: a signed-out client that runs a mutation needing a session is told
 * UNAUTHENTICATED before its input is validated or anything runs.
 */
export function refuseSignedOutMutations(context: GraphQLContext, operation: OperationDefinitionNode): void {
  if (operation.operation !== 'mutation' || context.viewer.userId) return;
  const fields = operation.selectionSet.selections;
  const needsSession = fields.some(
    (field) =>
      field.kind !== Kind.FIELD || (!field.name.value.startsWith('__') && !SESSIONLESS_MUTATIONS.has(field.name.value)),
  );
  if (needsSession) throw refuse(new UnauthenticatedError(), 200);
}

function refuse(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

/**
 * Counts every request against the per-address limit per minute (claimed in blocks, see LeasedCounters):
 * an operation by its root fields (so fifteen aliased sign-ins count fifteen), a document refused at parse
 * or validation as one. Then refuses
 * an operation whose estimated cost is over the limit (the refusal has been counted too). Last, a mutation
 * document reserves the anti-spam allowances of all its limited mutations at once: it runs whole or not at
 * all.
 */
export function operationLimitsPlugin(
  limits: LimitsConfig,
  rateLimits: RateLimitService,
  personLimits: PersonLimitsService,
  logger: JsonLogger,
  /** Runs first, before anything is counted (Apollo runs plugins' hooks side by side, so it must be here). */
  before: (context: GraphQLContext, operation: OperationDefinitionNode) => Promise<void> = async () => {},
): ApolloServerPlugin<GraphQLContext> {
  const leases = new LeasedCounters(rateLimits, 60);
  /** Counts `fields` against `key`'s limit per minute; RATE_LIMITED past it. */
  const countOn = async (context: GraphQLContext, key: string, limit: number, fields: number): Promise<void> => {
    if (limit === 0) return;
    let taken;
    try {
      taken = await leases.take(key, limit, fields);
    } catch (error) {
      // Counting needs the database; when it is away the operation fails on its own, with a clear error.
      logger.emit('warn', 'rate limit not counted', {
        requestId: context.req.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (!taken.allowed) throw refuse(new RateLimitedError(taken.retryAfterSeconds), 429);
  };
  // Per address always; per API token as well, when the request came with one.
  const count = async (context: GraphQLContext, fields: number): Promise<void> => {
    await countOn(context, `api:ip:${context.viewer.ip}`, limits.perMinute, fields);
    const token = context.viewer.apiToken;
    if (token) await countOn(context, `api:token:${token.id}`, limits.tokenPerMinute, fields);
  };

  return {
    async requestDidStart() {
      let counted = false;
      return {
        async didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (!operation) return;
          await before(contextValue, operation);
          const fragments = fragmentsOf(document);
          const { figures } = DocumentAnalyser.measure(schema, fragments, operation, request.variables);
          counted = true;
          await count(contextValue, rootFieldCount(operation, fragments));
          if (figures.cost > limits.maxCost) {
            throw refuse(
              new BadInputError(
                {},
                `The query asks for too much: cost ${figures.cost}, at most ${limits.maxCost}. Ask for smaller pages.`,
              ),
              400,
            );
          }
          if (operation.operation !== 'mutation') return;
          const wanted: Partial<Record<LimitedAction, number>> = {};
          for (const [name, times] of rootFieldsByName(operation, fragments)) {
            const action = LIMITED_MUTATIONS[name];
            if (action) wanted[action] = (wanted[action] ?? 0) + times;
          }
          if (Object.keys(wanted).length === 0) return;
          try {
            await personLimits.reserve(contextValue.viewer, wanted);
          } catch (error) {
            if (error instanceof RateLimitedError) throw refuse(error, 429);
            throw error;
          }
        },
        async willSendResponse({ contextValue }) {
          if (contextValue?.viewer) await personLimits.release(contextValue.viewer).catch(() => {});
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
