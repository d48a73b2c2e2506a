import { JsonLogger } from '../common/logging/json-logger.js';
import { loadConfigOrExit } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve-database.js';

/**
 * npm run migrate [up]     apply every pending migration
 * npm run migrate:revert   revert the most recent one
 * Acts on DATABASE_URL, or on the embedded database when it is unset.
 */
const direction = process.argv[2] ?? 'up';
if (direction !== 'up' && direction !== 'down') {
  process.stderr.write('Usage: migrate up|down\n');
  process.exit(2);
}

const config = loadConfigOrExit();
const database = await resolveDatabase(config, new JsonLogger('warn'));
const dataSource = createDataSource({ url: database.url, applicationName: 'consulta-migrate' });
let status = 0;
try {
  await dataSource.initialize();
  if (direction === 'up') {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length
        ? applied.map((m) => `Applied ${m.name}\n`).join('')
        : 'Nothing to apply: the database is up to date.\n',
    );
  } else {
    const executed = await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
    if (executed.length === 0) process.stdout.write('Nothing to revert.\n');
    else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write(`Reverted ${executed[0].name}\n`);
    }
  }
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  status = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await database.stop();
}
process.exit(status);
