import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module.js';
import { OpenDataModule } from '../../open-data/open-data.module.js';
import { UsersModule } from '../../users/users.module.js';
import { WebhookFanOutService } from './webhook-fan-out.service.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { ViewerWebhooksResolver, WebhooksResolver } from './webhooks.resolver.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhooks (Standard Webhooks): people's subscriptions, the deliveries events make, and their sending. */
@Module({
  imports: [MailModule, OpenDataModule, UsersModule],
  providers: [WebhooksService, WebhooksResolver, ViewerWebhooksResolver, WebhookFanOutService, WebhookSenderService],
})
export class WebhooksModule {}
