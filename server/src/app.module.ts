import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLCoreModule } from './common/graphql/graphql-core.module.js';
import { graphqlOptions } from './common/graphql/graphql-options.js';
import { registerContractEnums } from './common/graphql/scalars.js';
import type { JsonLogger } from './common/logging/json-logger.js';
import { LoggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';

registerContractEnums();

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config, databaseUrl),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config, logger) }),
        GraphQLCoreModule,
        HealthModule,
      ],
    };
  }
}
