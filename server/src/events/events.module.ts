import { Global, Module } from '@nestjs/common';
import { EventDispatcher } from './event-dispatcher.service.js';

/** Domain events: the dispatcher subscribers register with (the outbox is `outboxRepository`). */
@Global()
@Module({ providers: [EventDispatcher], exports: [EventDispatcher] })
export class EventsModule {}
