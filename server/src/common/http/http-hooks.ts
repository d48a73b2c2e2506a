import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { answeredCompiled } from '../graphql/compiled-queries.plugin.js';
import type { JsonLogger } from '../logging/json-logger.js';

const HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Cross-cutting HTTP behaviour: a request id on every request (taken from X-Request-Id when it is sane),
 * on its log line and its errors, and echoed back; security headers; one log line per response. Nothing may
 * be framed, except a response that sets its own content-security-policy (the embeds, which name who may
 * frame them in `frame-ancestors`).
 */
export function installHttpHooks(
  fastify: FastifyInstance,
  logger: JsonLogger,
  production: boolean,
  /** Requests that went well are logged at debug (development: the terminal keeps the start banner in view). */
  quietRequests = false,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  fastify.addHook('onSend', (_request, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('content-security-policy', type.startsWith('text/html') ? HTML_CSP : API_CSP);
    }
    if (production) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done(null, payload);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'warn' : quietRequests && reply.statusCode < 400 ? 'debug' : 'info';
    logger.emit(level, 'request completed', {
      requestId: request.id,
      method: request.method,
      url: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ...(answeredCompiled(request) ? { compiled: true } : {}),
    });
    done();
  });
}

/**
 * Multipart form posts, for one-click unsubscribe only (RFC 8058: mail clients POST `List-Unsubscribe=One-Click`
 * as application/x-www-form-urlencoded, which Nest parses, or as multipart/form-data); anywhere else a
 * multipart body is refused as an unsupported media type. The body itself is not needed (the token is in the URL).
 */
export function installMultipartParser(fastify: FastifyInstance, paths: readonly string[]): void {
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 4096 },
    (request, _body, done) => {
      if (paths.includes(request.url.split('?')[0]!)) done(null, {});
      else done(new UnsupportedMediaTypeException('Send JSON to this address.'));
    },
  );
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID();
}
