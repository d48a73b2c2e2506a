import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { AppConfig } from '../../config/config.js';
import type { ViewerResolver } from '../auth/request-viewer.js';
import { createErrorFormatter, isConnectionError } from '../errors/format-error.js';
import { UNAVAILABLE_HTTP, unavailableAs503 } from '../errors/unavailable.js';
import { tagWithRequest } from '../logging/request-context.js';
import type { JsonLogger } from '../logging/json-logger.js';
import type { PersonLimitsService } from '../rate-limit/person-limits.service.js';
import type { RateLimitService } from '../rate-limit/rate-limit.service.js';
import type { DatabaseService } from '../../database/database.service.js';
import { compiledQueriesPlugin } from './compiled-queries.plugin.js';
import { documentLimitsRule } from './document-limits.js';
import { answerKnownFields } from './known-fields.js';
import type { GraphQLContext } from './graphql-context.js';
import { Loaders } from './loaders.js';
import { operationLimitsPlugin, refuseSignedOutMutations, refuseTokenMutations } from './operation-limits.plugin.js';

/** Tags each error with its request, for the error's log line and the requestId the client sees. */
const requestIdsOnErrors: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          tagWithRequest(error, contextValue.req.id);
          tagWithRequest(error.originalError, contextValue.req.id);
        }
      },
    };
  },
};

/**
 * Reads may use a session this process looked up a moment ago; a mutation is decided on the session as the
 * database has it now, so a session revoked by another API process cannot write. Then a signed-out client's
 * mutation that needs a session is refused before its input is looked at.
 */
const viewerForOperation =
  (viewerOf: ViewerResolver) =>
  async (context: GraphQLContext, operation: OperationDefinitionNode): Promise<void> => {
    if (operation.operation !== 'query' && context.viewer.fromCache) {
      context.viewer = await viewerOf(context.req, true);
    }
    refuseSignedOutMutations(context, operation);
    refuseTokenMutations(context, operation);
  };

const WROTE_COOKIE = 'consulta_wrote';

/**
 * Read-your-writes with read replicas: after a signed-in person's mutation, their lag-tolerant reads go to
 * the primary for READ_YOUR_WRITES_SECONDS. This process remembers it, and a short cookie tells any other
 * process the browser's next request reaches.
 */
function readYourWrites(config: AppConfig, database: DatabaseService): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation }) {
          const userId = contextValue?.viewer?.userId;
          if (operation?.operation !== 'mutation' || !userId || !database.hasReplicas) return;
          database.noteWrite(userId);
          const secure = config.nodeEnv === 'production' ? '; Secure' : '';
          contextValue.reply.header(
            'set-cookie',
            `${WROTE_COOKIE}=1; Path=/; Max-Age=${config.readYourWritesSeconds}; HttpOnly; SameSite=Lax${secure}`,
          );
        },
      };
    },
  };
}

/** The viewer of a request, marked to read from the primary when they wrote a moment ago. */
async function contextViewer(viewerOf: ViewerResolver, database: DatabaseService, req: FastifyRequest) {
  const viewer = await viewerOf(req);
  if (!database.hasReplicas || !viewer.userId) return viewer;
  const cookie = req.headers.cookie ?? '';
  const wrote = cookie.split(';').some((part) => part.trim().startsWith(`${WROTE_COOKIE}=`));
  return wrote || database.wroteRecently(viewer.userId) ? { ...viewer, readsFromPrimary: true as const } : viewer;
}

export function graphqlOptions(
  config: AppConfig,
  logger: JsonLogger,
  viewerOf: ViewerResolver,
  rateLimits: RateLimitService,
  personLimits: PersonLimitsService,
  database: DatabaseService,
): Omit<ApolloDriverConfig, 'driver'> {
  const production = config.nodeEnv === 'production';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    transformSchema: answerKnownFields,
    sortSchema: true,
    introspection: true,
    playground: false,
    graphiql: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Nest would set every answer with data back to HTTP 200, the database outage's 503 included.
    preserveHttpStatusForExecutionErrors: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [documentLimitsRule(config.limits)],
    formatError: createErrorFormatter(logger, { exposeDetails: !production }),
    // Cache hints are not used (responses are per viewer), and measuring them costs a hook on every field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestIdsOnErrors,
      unavailableAs503,
      operationLimitsPlugin(config.limits, rateLimits, personLimits, logger, viewerForOperation(viewerOf)),
      readYourWrites(config, database),
      ...(config.compiledQueryAfter > 0
        ? [compiledQueriesPlugin({ after: config.compiledQueryAfter, keep: 200 })]
        : []),
    ],
    // The Fastify integration calls the context function with (request, reply).
    context: async (req: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
      try {
        return { req, reply, viewer: await contextViewer(viewerOf, database, req), loaders: new Loaders() };
      } catch (error) {
        // Reading the session failed (the database away, say). No plugin hook sees a failed context, so the
        // error is tagged with its request here, and handed on whole for the error formatter to classify.
        tagWithRequest(error, req.id);
        throw new GraphQLError('The session could not be read.', {
          originalError: error as Error,
          ...(isConnectionError(error) ? { extensions: { http: UNAVAILABLE_HTTP() } } : {}),
        });
      }
    },
  };
}
