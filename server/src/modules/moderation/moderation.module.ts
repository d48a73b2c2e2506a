import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { UsersModule } from '../users/users.module.js';
import { ContentModerationService } from './content-moderation.service.js';
import { FlaggedContentResolver } from './flagged-content.resolver.js';
import { FlagsResolver } from './flags.resolver.js';
import { FlagsService } from './flags.service.js';
import { ModerationLogService } from './moderation-log.service.js';
import { ModerationQueueService } from './moderation-queue.service.js';
import { ModerationResolver } from './moderation.resolver.js';
import { SuspensionsService } from './suspensions.service.js';

@Module({
  imports: [AuthModule, AuditModule, UsersModule, CampaignsModule, IdeasModule, CommentsModule, RateLimitModule],
  providers: [
    SuspensionsService,
    ModerationLogService,
    ModerationResolver,
    FlagsService,
    ContentModerationService,
    ModerationQueueService,
    FlagsResolver,
    FlaggedContentResolver,
  ],
})
export class ModerationModule {}
