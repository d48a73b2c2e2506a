import { Global, Module, type DynamicModule } from '@nestjs/common';
import { JsonLogger } from './json-logger.js';

@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: JsonLogger): DynamicModule {
    return { module: LoggingModule, providers: [{ provide: JsonLogger, useValue: logger }], exports: [JsonLogger] };
  }
}
