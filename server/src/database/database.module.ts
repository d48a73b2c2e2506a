import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { DatabaseService } from './database.service.js';
import { DATABASE_URL, DATA_SOURCE } from './database.tokens.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATA_SOURCE,
          useFactory: () =>
            createDataSource({
              url,
              poolSize: config.dbPoolSize,
              prepareStatements: config.dbPrepareStatements,
              statementTimeoutMs: config.dbStatementTimeoutMs,
            }),
        },
        { provide: DATABASE_URL, useValue: url },
        DatabaseService,
      ],
      exports: [DATA_SOURCE, DATABASE_URL, DatabaseService],
    };
  }
}
