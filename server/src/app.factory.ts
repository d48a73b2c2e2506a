import { installGraphqlLandingPage } from './common/http/graphql-landing.js';
import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { installHttpHooks, installMultipartParser, requestIdFrom } from './common/http/http-hooks.js';
import { serveSpa } from './common/http/spa.js';
import { SharePreviewService } from './modules/share/share-preview.service.js';
import { SafeTextPipe } from './common/graphql/safe-text.pipe.js';
import { createValidationPipe } from './common/graphql/validation.js';
import { JsonLogger } from './common/logging/json-logger.js';
import type { AppConfig } from './config/config.js';
import { trustedProxies } from './common/http/client-address.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the whole application (not yet listening): used by main, the CLI and the tests alike. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger = new JsonLogger(config.logLevel, undefined, config.logFormat),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    trustProxy: trustedProxies(config.trustProxy),
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, logger),
    adapter,
    { logger, bufferLogs: false },
  );
  app.useGlobalPipes(new SafeTextPipe(), createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  installHttpHooks(fastify, logger, config.nodeEnv === 'production', config.nodeEnv === 'development');
  installMultipartParser(fastify, ['/unsubscribe']);
  installGraphqlLandingPage(fastify);
  const previews = app.get(SharePreviewService);
  await serveSpa(fastify, config.webDist, (path) => previews.forPath(path));
  await app.init();
  return app;
}
