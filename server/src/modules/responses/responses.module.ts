import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { UsersModule } from '../users/users.module.js';
import { CampaignResponsesResolver, IdeaResponsesResolver, ResponsesResolver } from './responses.resolver.js';
import { ResponsesService } from './responses.service.js';

@Module({
  imports: [IdeasModule, CampaignsModule, UsersModule, AgenciesModule, AuditModule],
  providers: [ResponsesService, ResponsesResolver, IdeaResponsesResolver, CampaignResponsesResolver],
  exports: [ResponsesService],
})
export class ResponsesModule {}
