import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusService } from '../../common/bus/bus.service.js';
import { DatabaseService } from '../../database/database.service.js';
import { AGGREGATE_OF, type NewDomainEvent } from '../../events/domain-events.js';

/** The idea a committed event changes, with its campaign; null for events that change no idea. */
export function ideaChangedBy(event: NewDomainEvent): { ideaId: string; campaignId: string } | null {
  if (AGGREGATE_OF[event.type] === 'idea' && 'campaignId' in event.payload) {
    return { ideaId: event.aggregateId, campaignId: event.payload.campaignId };
  }
  if ((event.type === 'ContentHidden' || event.type === 'ContentRestored') && event.payload.targetType === 'IDEA') {
    return { ideaId: event.aggregateId, campaignId: event.payload.campaignId };
  }
  return null;
}

/**
 * Live updates start here: once a transaction of this process commits, each idea its domain events
 * changed is told on the bus (once per transaction), to every process's subscribers.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit {
  constructor(
    private readonly database: DatabaseService,
    private readonly bus: BusService,
  ) {}

  onModuleInit(): void {
    this.database.onCommittedEvents((events) => {
      const changed = new Map<string, string>();
      for (const event of events) {
        const idea = ideaChangedBy(event);
        if (idea) changed.set(idea.ideaId, idea.campaignId);
      }
      for (const [ideaId, campaignId] of changed) void this.bus.publish({ t: 'idea', ideaId, campaignId });
    });
  }
}
