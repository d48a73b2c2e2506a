import { join } from 'node:path';
import type { JsonLogger } from '../common/logging/json-logger.js';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise an embedded PostgreSQL kept in DATA_DIR/postgres. */
export async function resolveDatabase(config: AppConfig, logger: JsonLogger): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const cluster = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), (message) =>
    logger.emit('warn', 'embedded postgres', { message }),
  );
  await ensureDatabase(cluster.adminUrl, 'consulta');
  logger.emit('info', 'embedded PostgreSQL started', { dataDir: join(config.dataDir, 'postgres') });
  return { url: cluster.urlFor('consulta'), embedded: true, stop: () => cluster.stop() };
}
