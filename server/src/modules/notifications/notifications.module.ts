import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas/ideas.module.js';
import { UsersModule } from '../users/users.module.js';
import { NotificationFanOutService } from './notification-fan-out.service.js';
import { NotificationMailService } from './notification-mail.service.js';
import { NotificationsResolver, ViewerNotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

/** What people are told (in the app and by mail), from the domain events, and how they want to be told. */
@Module({
  imports: [IdeasModule, UsersModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationsService,
    NotificationFanOutService,
    NotificationMailService,
    NotificationsResolver,
    ViewerNotificationsResolver,
  ],
})
export class NotificationsModule {}
