import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DevelopersModule } from '../developers/developers.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { ResponsesModule } from '../responses/responses.module.js';
import { CampaignAnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** The agency's figures (Campaign.analytics) and its exports of ideas and answers. */
@Module({
  imports: [AuthModule, DevelopersModule, CampaignsModule, ResponsesModule],
  providers: [AnalyticsService, ExportsService, CampaignAnalyticsResolver],
  controllers: [ExportsController],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
