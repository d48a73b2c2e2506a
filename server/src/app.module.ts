import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ClockModule } from './common/clock/clock.module.js';
import { GraphQLCoreModule } from './common/graphql/graphql-core.module.js';
import { graphqlOptions } from './common/graphql/graphql-options.js';
import { registerContractEnums } from './common/graphql/scalars.js';
import type { JsonLogger } from './common/logging/json-logger.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { PersonLimitsService } from './common/rate-limit/person-limits.service.js';
import { RateLimitService } from './common/rate-limit/rate-limit.service.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DatabaseService } from './database/database.service.js';
import { HealthModule } from './health/health.module.js';
import { ApiTokensService } from './modules/developers/api-tokens.service.js';
import { DevelopersModule } from './modules/developers/developers.module.js';
import { OpenDataModule } from './modules/open-data/open-data.module.js';
import { WebhooksModule } from './modules/developers/webhooks/webhooks.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { AgenciesModule } from './modules/agencies/agencies.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CampaignsModule } from './modules/campaigns/campaigns.module.js';
import { CommentsModule } from './modules/comments/comments.module.js';
import { FollowsModule } from './modules/follows/follows.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { IdeasModule } from './modules/ideas/ideas.module.js';
import { ModerationModule } from './modules/moderation/moderation.module.js';
import { ShareModule } from './modules/share/share.module.js';
import { LegalModule } from './modules/legal/legal.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { CommonGroundModule } from './modules/common-ground/common-ground.module.js';
import { ResponsesModule } from './modules/responses/responses.module.js';
import { VotesModule } from './modules/votes/votes.module.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { UsersModule } from './modules/users/users.module.js';
import { viewerResolver } from './modules/auth/viewer-resolution.js';
import { BusModule } from './common/bus/bus.module.js';
import { LiveModule } from './modules/live/live.module.js';
import { LiveConnectionsService } from './modules/live/live-connections.service.js';
import { liveServerOptions } from './modules/live/live-server.js';

registerContractEnums();

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config, databaseUrl),
        BusModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, RateLimitModule, DevelopersModule, LiveModule],
          inject: [
            SessionsService,
            ApiTokensService,
            RateLimitService,
            PersonLimitsService,
            LiveConnectionsService,
            DatabaseService,
          ],
          useFactory: (
            sessions: SessionsService,
            apiTokens: ApiTokensService,
            rateLimits: RateLimitService,
            personLimits: PersonLimitsService,
            connections: LiveConnectionsService,
            database: DatabaseService,
          ) => ({
            ...graphqlOptions(config, logger, viewerResolver(sessions, apiTokens), rateLimits, personLimits, database),
            // Nest types a few of graphql-ws's options, and passes all of them on.
            subscriptions: {
              'graphql-ws': liveServerOptions(config, connections, rateLimits, logger) as GraphQLWsSubscriptionsConfig,
            },
          }),
        }),
        GraphQLCoreModule,
        ClockModule,
        HealthModule,
        UsersModule,
        AuthModule,
        AgenciesModule,
        CampaignsModule,
        IdeasModule,
        VotesModule,
        ResponsesModule,
        FollowsModule,
        NotificationsModule,
        CommentsModule,
        ModerationModule,
        ShareModule,
        LegalModule,
        JobsModule,
        EventsModule,
        MailModule,
        CommonGroundModule,
        AnalyticsModule,
        DevelopersModule,
        OpenDataModule,
        WebhooksModule,
        LiveModule,
      ],
    };
  }
}
