import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { UsersModule } from '../users/users.module.js';
import { IdeaFieldsResolver } from './idea-fields.resolver.js';
import { IdeaQueriesService } from './idea-queries.service.js';
import { CampaignIdeasResolver, IdeasResolver } from './ideas.resolver.js';
import { IdeasService } from './ideas.service.js';

@Module({
  imports: [CampaignsModule, UsersModule],
  providers: [IdeasService, IdeaQueriesService, IdeasResolver, CampaignIdeasResolver, IdeaFieldsResolver],
  exports: [IdeasService, IdeaQueriesService],
})
export class IdeasModule {}
