import { Module } from '@nestjs/common';
import { ApiTokensResolver, ViewerApiTokensResolver } from './api-tokens.resolver.js';
import { ApiTokensService } from './api-tokens.service.js';

/** What civic developers build on: personal API tokens (and, later, webhooks). */
@Module({
  providers: [ApiTokensService, ApiTokensResolver, ViewerApiTokensResolver],
  exports: [ApiTokensService],
})
export class DevelopersModule {}
