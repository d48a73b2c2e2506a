import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/config.js';
import type { SessionsService } from '../../modules/auth/sessions.service.js';
import { tokenFromRequest } from '../../modules/auth/session-cookie.js';
import { anonymousViewer, type RequestViewer } from '../auth/request-viewer.js';
import { createErrorFormatter } from '../errors/format-error.js';
import type { JsonLogger } from '../logging/json-logger.js';
import type { RateLimitService } from '../rate-limit/rate-limit.service.js';
import { documentLimitsRule } from './document-limits.js';
import type { GraphQLContext } from './graphql-context.js';
import { Loaders } from './loaders.js';
import { operationLimitsPlugin } from './operation-limits.plugin.js';

async function viewerOf(request: FastifyRequest, sessions: SessionsService): Promise<RequestViewer> {
  const userAgent = request.headers['user-agent'] ?? null;
  const session = await sessions.resolve(tokenFromRequest(request));
  if (!session) return anonymousViewer(request.ip, userAgent);
  return { ...session, ip: request.ip, userAgent };
}

export function graphqlOptions(
  config: AppConfig,
  logger: JsonLogger,
  sessions: SessionsService,
  rateLimits: RateLimitService,
): Omit<ApolloDriverConfig, 'driver'> {
  const production = config.nodeEnv === 'production';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    playground: false,
    graphiql: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [documentLimitsRule(config.limits)],
    formatError: createErrorFormatter(logger, { exposeDetails: !production }),
    // Cache hints are not used (responses are per viewer), and measuring them costs a hook on every field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin(config.limits, rateLimits, logger),
    ],
    // The Fastify integration calls the context function with (request, reply).
    context: async (req: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => ({
      req,
      reply,
      viewer: await viewerOf(req, sessions),
      loaders: new Loaders(),
    }),
  };
}
