import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory.js';
import { JsonLogger } from '../../src/common/logging/json-logger.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  headers: Headers;
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  db: TestDatabase;
  logs: string[];
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/**
 * The configuration of a test app. The per-address and per-person limits are off unless a test turns them
 * on, since one test file sends more requests from 127.0.0.1 in a minute than a person would.
 */
export function testConfig(
  overrides: Partial<Omit<AppConfig, 'limits'>> & { limits?: Partial<AppConfig['limits']> } = {},
): AppConfig {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
  return {
    ...base,
    webDist: '/nonexistent',
    // Accounts made by a test are seconds old: their flags count unless a test asks otherwise.
    flagMinAccountAgeHours: 0,
    // The job queue runs only where a test asks for it (it polls the database on its own).
    workers: false,
    ...overrides,
    limits: {
      ...base.limits,
      perMinute: 0,
      ideasPerHour: 0,
      commentsPerMinute: 0,
      flagsPerHour: 0,
      signupsPerHour: 0,
      ...overrides.limits,
    },
  };
}

/** The real application on a fresh database, listening on a free port of 127.0.0.1. */
export async function startTestApp(
  options: {
    config?: Partial<Omit<AppConfig, 'limits'>> & { limits?: Partial<AppConfig['limits']> };
    databaseUrl?: string;
    waitForDatabase?: boolean;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const logs: string[] = [];
  const config = testConfig(options.config);
  const logger = new JsonLogger(config.logLevel, (line) => {
    logs.push(line);
  });
  const app = await createApp(config, options.databaseUrl ?? db.url, logger);
  await app.listen({ port: 0, host: '127.0.0.1' });
  if (options.waitForDatabase !== false) await app.get(DatabaseService).whenReady();
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    url,
    db,
    logs,
    async gql(query, variables, { token, headers = {} } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
