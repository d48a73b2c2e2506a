import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { UsersModule } from '../users/users.module.js';
import { CommentsResolver, IdeaCommentsResolver } from './comments.resolver.js';
import { CommentsService } from './comments.service.js';
import { UserCommentsResolver } from './user-comments.resolver.js';

@Module({
  imports: [CampaignsModule, IdeasModule, UsersModule, RateLimitModule],
  providers: [CommentsService, CommentsResolver, IdeaCommentsResolver, UserCommentsResolver],
  exports: [CommentsService],
})
export class CommentsModule {}
