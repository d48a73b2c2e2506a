import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CampaignAccessService } from './campaign-access.service.js';
import { CampaignQueriesService } from './campaign-queries.service.js';
import { CampaignReadCache } from './campaign-read-cache.js';
import { AgencyCampaignsResolver, CampaignsResolver } from './campaigns.resolver.js';
import { CampaignsService } from './campaigns.service.js';

@Module({
  imports: [AgenciesModule, AuditModule],
  providers: [
    CampaignsService,
    CampaignQueriesService,
    CampaignAccessService,
    CampaignReadCache,
    CampaignsResolver,
    AgencyCampaignsResolver,
  ],
  exports: [CampaignsService, CampaignAccessService],
})
export class CampaignsModule {}
