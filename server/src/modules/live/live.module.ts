import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DevelopersModule } from '../developers/developers.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { LiveConnectionsService } from './live-connections.service.js';
import { LiveEventsService } from './live-events.service.js';
import { LiveHubService } from './live-hub.service.js';
import { LiveResolver } from './live.resolver.js';

/** Subscriptions over graphql-ws: connections, the hub that feeds them from the bus, and the resolver. */
@Module({
  imports: [AuthModule, DevelopersModule, IdeasModule, CampaignsModule, RateLimitModule],
  providers: [LiveConnectionsService, LiveHubService, LiveEventsService, LiveResolver],
  exports: [LiveConnectionsService],
})
export class LiveModule {}
