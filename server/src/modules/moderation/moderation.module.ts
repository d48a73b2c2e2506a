import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { UsersModule } from '../users/users.module.js';
import { ModerationLogService } from './moderation-log.service.js';
import { ModerationResolver } from './moderation.resolver.js';
import { SuspensionsService } from './suspensions.service.js';

@Module({
  imports: [AuthModule, AuditModule, UsersModule, CampaignsModule],
  providers: [SuspensionsService, ModerationLogService, ModerationResolver],
})
export class ModerationModule {}
