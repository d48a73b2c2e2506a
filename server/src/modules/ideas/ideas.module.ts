import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { UsersModule } from '../users/users.module.js';
import { IdeaFieldsResolver } from './idea-fields.resolver.js';
import { IdeaQueriesService } from './idea-queries.service.js';
import { CampaignIdeasResolver, IdeasResolver } from './ideas.resolver.js';
import { UserIdeasResolver } from './user-ideas.resolver.js';
import { IdeasService } from './ideas.service.js';
import { SimilarIdeasService } from './similar-ideas.service.js';
import { ViewerIdeasResolver } from './viewer-ideas.resolver.js';

@Module({
  imports: [CampaignsModule, UsersModule, RateLimitModule],
  providers: [
    IdeasService,
    IdeaQueriesService,
    SimilarIdeasService,
    IdeasResolver,
    UserIdeasResolver,
    CampaignIdeasResolver,
    IdeaFieldsResolver,
    ViewerIdeasResolver,
  ],
  exports: [IdeasService, IdeaQueriesService],
})
export class IdeasModule {}
