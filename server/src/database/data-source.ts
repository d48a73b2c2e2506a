import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { preparingPg } from './prepared-pg.js';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
  /** Prepare each parameterized statement once per connection (default); see prepared-pg.ts. */
  prepareStatements?: boolean;
}

/** The one way a TypeORM data source is built, for the app, the migration command and tests. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    ...(options.prepareStatements === false ? {} : { driver: preparingPg }),
    url: options.url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    applicationName: options.applicationName ?? 'consulta',
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: 5000,
    extra: {
      statement_timeout: options.statementTimeoutMs ?? 10000,
      idleTimeoutMillis: 30000,
    },
  });
}
