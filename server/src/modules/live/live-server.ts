import type { IncomingMessage } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  subscribe as graphqlSubscribe,
  validate,
  type ExecutionArgs,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { ErrorCode } from '@consulta/shared';
import type { AppConfig } from '../../config/config.js';
import { BadInputError, DomainError, RateLimitedError } from '../../common/errors/domain-error.js';
import { createErrorFormatter } from '../../common/errors/format-error.js';
import { DocumentAnalyser, fragmentsOf } from '../../common/graphql/document-analysis.js';
import { documentLimitsRule } from '../../common/graphql/document-limits.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { Loaders } from '../../common/graphql/loaders.js';
import type { JsonLogger } from '../../common/logging/json-logger.js';
import type { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import type { LiveConnection } from './live-connection.js';
import type { LiveConnectionsService } from './live-connections.service.js';

/** What graphql-ws keeps per socket for us: the connection once it is open, and its operations. */
interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
  live?: LiveConnection;
  operations?: Set<string>;
}

/** The longest document a subscription may send; the token limit applies as well. */
const MAX_DOCUMENT_CHARS = 20_000;

const refused = (error: DomainError) => new GraphQLError(error.message, { originalError: error });

/** A GraphQL context for one subscription of a live connection (the viewer is refreshed at every event). */
export function liveContext(connection: LiveConnection, operationId: string): GraphQLContext {
  const req = { id: `live-${connection.id}-${operationId}`, ip: connection.viewer.ip, headers: {} };
  return {
    req: req as unknown as GraphQLContext['req'],
    reply: undefined as unknown as GraphQLContext['reply'],
    viewer: connection.viewer,
    loaders: new Loaders(),
    live: connection,
  };
}

/**
 * The graphql-ws server's options, on the same schema and at /graphql: who connects (LiveConnectionsService),
 * then for every operation the same document limits, cost limit, per-address rate limit and error mapping
 * as over HTTP. Only subscriptions go over the socket; queries and mutations are sent over HTTP.
 */
export function liveServerOptions(
  config: AppConfig,
  connections: LiveConnectionsService,
  rateLimits: RateLimitService,
  logger: JsonLogger,
): Partial<ServerOptions<Record<string, unknown>, Extra>> {
  const format = createErrorFormatter(logger, { exposeDetails: config.nodeEnv !== 'production' });
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => format(error.toJSON(), error));
  /** Parse and validation failures are the client's: marked so the formatter says BAD_USER_INPUT. */
  const clientError = (error: GraphQLError) =>
    error.extensions.code || error.originalError
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

  return {
    connectionInitWaitTimeout: 10_000,
    onConnect: async (ctx) => {
      const connection = await connections.open({
        request: ctx.extra.request,
        socket: ctx.extra.socket,
        connectionParams: ctx.connectionParams,
      });
      if (!connection) return false;
      ctx.extra.live = connection;
      ctx.extra.operations = new Set();
      return true;
    },
    onClose: (ctx) => connections.closed(ctx.extra.live),
    onSubscribe: async (ctx, id, payload) => {
      const operations = ctx.extra.operations!;
      const limit = config.live.subscriptionsPerConnection;
      if (operations.size >= limit) {
        return [
          refused(
            new DomainError(ErrorCode.RATE_LIMITED, `At most ${limit} subscriptions on one connection.`, {
              reason: 'TOO_MANY_SUBSCRIPTIONS',
            }),
          ),
        ];
      }
      if (payload.query.length > MAX_DOCUMENT_CHARS) {
        return [refused(new BadInputError({}, `The document is too long (at most ${MAX_DOCUMENT_CHARS} characters).`))];
      }
      try {
        parse(payload.query, { maxTokens: config.limits.maxTokens });
      } catch (error) {
        return [clientError(error as GraphQLError)];
      }
      operations.add(id);
      return undefined;
    },
    validate: (schema, document) =>
      validate(schema, document, [...specifiedRules, documentLimitsRule(config.limits)]).map(clientError),
    context: (ctx, id) => liveContext(ctx.extra.live!, id),
    execute: () => ({
      errors: [
        refused(
          new BadInputError({}, 'Only subscriptions go over the WebSocket: send queries and mutations over HTTP.'),
        ),
      ],
    }),
    subscribe: async (args: ExecutionArgs) => {
      const context = args.contextValue as GraphQLContext;
      const operation = getOperationAST(args.document, args.operationName)!;
      const { figures } = DocumentAnalyser.measure(
        args.schema,
        fragmentsOf(args.document),
        operation,
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      if (figures.cost > config.limits.maxCost) {
        return {
          errors: [
            refused(
              new BadInputError(
                {},
                `The subscription asks for too much: cost ${figures.cost}, at most ${config.limits.maxCost}.`,
              ),
            ),
          ],
        };
      }
      if (config.limits.perMinute > 0) {
        const hit = await rateLimits.hit(`api:ip:${context.viewer.ip}`, 60, 1);
        if (hit.count > config.limits.perMinute)
          return { errors: [refused(new RateLimitedError(hit.retryAfterSeconds))] };
      }
      return graphqlSubscribe(args);
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
    onError: (_ctx, _id, _payload, errors) => formatAll(errors.map(clientError)),
    onComplete: (ctx, id) => {
      ctx.extra.operations?.delete(id);
    },
  };
}
