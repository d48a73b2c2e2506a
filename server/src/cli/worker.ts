import { createApp } from '../app.factory.js';
import { JsonLogger } from '../common/logging/json-logger.js';
import { loadConfigOrExit } from '../config/config.js';
import { resolveDatabase } from '../database/resolve-database.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { closeOnSignals } from '../shutdown.js';

/**
 * `npm run worker`: the background workers alone (job queue, domain event relay and deliveries), for
 * deployments that run the API with WORKERS=false. Serves no HTTP; stops cleanly on SIGINT and SIGTERM.
 */
async function main(): Promise<void> {
  const config = { ...loadConfigOrExit(), workers: true, seedDemo: false, webDist: '/nonexistent' };
  const logger = new JsonLogger(config.logLevel, undefined, config.logFormat);
  const database = await resolveDatabase(config, logger);
  const app = await createApp(config, database.url, logger);
  closeOnSignals(app, database, 'The Consulta worker');
  await app.get(JobQueueService).started();
  logger.emit('info', 'worker running', {});
}

main().catch((error: unknown) => {
  process.stderr.write(`The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
