import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/config.js';
import { anonymousViewer } from '../auth/request-viewer.js';
import { createErrorFormatter } from '../errors/format-error.js';
import type { JsonLogger } from '../logging/json-logger.js';
import type { GraphQLContext } from './graphql-context.js';

export function graphqlOptions(config: AppConfig, logger: JsonLogger): Omit<ApolloDriverConfig, 'driver'> {
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
    formatError: createErrorFormatter(logger, { exposeDetails: !production }),
    plugins: [ApolloServerPluginLandingPageDisabled()],
    // The Fastify integration calls the context function with (request, reply).
    context: (req: FastifyRequest, reply: FastifyReply): GraphQLContext => ({
      req,
      reply,
      viewer: anonymousViewer(req.ip),
    }),
  };
}
