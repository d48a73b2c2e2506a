import { Global, Module } from '@nestjs/common';
import { EventDispatcher } from './event-dispatcher.service.js';
import { OutboxRepository } from './outbox.repository.js';

/** Domain events: the outbox every module records into, and the dispatcher subscribers register with. */
@Global()
@Module({ providers: [OutboxRepository, EventDispatcher], exports: [OutboxRepository, EventDispatcher] })
export class EventsModule {}
