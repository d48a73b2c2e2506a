import { createApp } from './app.factory.js';
import { JsonLogger } from './common/logging/json-logger.js';
import { loadConfigOrExit } from './config/config.js';
import { resolveDatabase } from './database/resolve-database.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new JsonLogger(config.logLevel);
  const database = await resolveDatabase(config, logger);
  const app = await createApp(config, database.url, logger);
  app.enableShutdownHooks();
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
  logger.emit('info', 'Consulta is listening', { url: `http://${shownHost}:${config.port}/` });
  process.stdout.write(`\nConsulta is running at http://${shownHost}:${config.port}/\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Consulta could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
