import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@consulta/shared';
import type { JsonLogger } from '../logging/json-logger.js';
import { requestIdOf } from '../logging/request-context.js';
import { DomainError } from './domain-error.js';

/** Apollo's own codes for documents that cannot run, all of which are the client's mistake. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));

/** True for errors the database driver raises when PostgreSQL is away or the pool is closing. */
export function isConnectionError(error: unknown): boolean {
  // Read by shape, not instanceof: socket errors come from Node's own realm.
  if (error === null || typeof error !== 'object') return false;
  const { code = '', message = '' } = error as { code?: string; message?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(
      code,
    ) ||
    /DataSource is not initialized|Driver not Connected|Connection terminated|timeout exceeded when trying to connect/i.test(
      String(message),
    )
  );
}

/**
 * The one mapping from thrown errors to what clients see. Known errors keep their message and code;
 * everything else becomes INTERNAL_SERVER_ERROR with a request id, and the details go to the log only.
 */
export function createErrorFormatter(logger: JsonLogger, options: { exposeDetails: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const requestId = requestIdOf(original, error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      // The client's mistake or a refusal: worth a line, never an error's level or a stack.
      logger.emit('info', 'request refused', {
        ...(requestId ? { requestId } : {}),
        code: original.code,
        path: formatted.path,
      });
      return { ...base, message: original.message, extensions: { ...original.extensions, code: original.code } };
    }
    const apolloCode = formatted.extensions?.code;
    if (typeof apolloCode === 'string' && CLIENT_CODES.has(apolloCode)) {
      return {
        ...base,
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          ...(apolloCode !== 'BAD_USER_INPUT' ? { reason: apolloCode } : {}),
        },
      };
    }
    if (
      typeof apolloCode === 'string' &&
      CONTRACT_CODES.has(apolloCode) &&
      apolloCode !== ErrorCode.INTERNAL_SERVER_ERROR
    ) {
      return { ...base, extensions: { ...formatted.extensions, code: apolloCode } };
    }
    if (original instanceof GraphQLError && !original.originalError && formatted.path === undefined) {
      // A document-level error from graphql-js itself (for example a validation rule).
      return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const unavailable = isConnectionError(original);
    logger.emit(
      unavailable ? 'warn' : 'error',
      unavailable ? 'database unavailable during request' : 'unexpected error',
      {
        ...(requestId ? { requestId } : {}),
        error: original instanceof Error ? original.message : String(original),
        stack: original instanceof Error ? original.stack : undefined,
        path: formatted.path,
      },
    );
    return {
      message: unavailable
        ? 'The service is temporarily unavailable. Try again shortly.'
        : options.exposeDetails && original instanceof Error
          ? original.message
          : 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        ...(unavailable ? { retryable: true } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  };
}
