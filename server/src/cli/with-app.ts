import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../app.factory.js';
import { JsonLogger } from '../common/logging/json-logger.js';
import { loadConfigOrExit, type AppConfig } from '../config/config.js';
import { DatabaseService } from '../database/database.service.js';
import { resolveDatabase } from '../database/resolve-database.js';

/** A command line's configuration: quiet, no web app, no workers of its own. */
export function cliConfig(): AppConfig {
  return { ...loadConfigOrExit(), logLevel: 'error' as const, webDist: '/nonexistent', workers: false };
}

/**
 * Runs `work` with the application on DATABASE_URL (or the embedded database), once the database answers
 * (at most 20 s), and closes both afterwards.
 */
export async function withApp<T>(config: AppConfig, work: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  const logger = new JsonLogger('error');
  const database = await resolveDatabase(config, logger);
  const app = await createApp(config, database.url, logger);
  try {
    const ready = app.get(DatabaseService).whenReady();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('cannot reach the database')), 20000).unref(),
    );
    await Promise.race([ready, timeout]);
    return await work(app);
  } finally {
    await app.close();
    await database.stop();
  }
}

/** Runs a command's main and exits with its status; an error is one line on stderr and status 1. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
