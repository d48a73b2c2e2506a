import { createApp } from './app.factory.js';
import { JsonLogger } from './common/logging/json-logger.js';
import { loadConfigOrExit } from './config/config.js';
import { DatabaseService } from './database/database.service.js';
import { resolveDatabase } from './database/resolve-database.js';
import { demoCredentials, hasDemoData, seedDemoData } from './modules/demo/demo-data.js';
import { closeOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  const loaded = loadConfigOrExit();
  // `npm start -- --seed` loads demo data into any database, DATABASE_URL included.
  const config = process.argv.includes('--seed') ? { ...loaded, seedDemo: true } : loaded;
  const logger = new JsonLogger(config.logLevel, undefined, config.logFormat);
  const database = await resolveDatabase(config, logger);
  const app = await createApp(config, database.url, logger);
  closeOnSignals(app, database);
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
  logger.emit('info', 'Consulta is listening', { url: `http://${shownHost}:${port}/` });
  await app.get(DatabaseService).whenReady();
  if (config.seedDemo && (await seedDemoData(app))) logger.emit('info', 'demo data loaded');
  const demo = config.seedDemo && (await hasDemoData(app)) ? `${demoCredentials()}\n\n` : '';
  const mail = config.mail.smtpUrl
    ? ''
    : `Mail is kept here, not sent (no SMTP_URL): read it at http://${shownHost}:${port}/dev/mail\n\n`;
  const clock = config.testClock
    ? "TEST_CLOCK is on: POST /test/clock moves this server's clock. Never set it in a real deployment.\n\n"
    : '';
  process.stdout.write(`\nConsulta is running at http://${shownHost}:${port}/\n\n${mail}${clock}${demo}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Consulta could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
