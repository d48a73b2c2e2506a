import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JsonLogger } from '../common/logging/json-logger.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DatabaseService } from '../database/database.service.js';
import { run } from '../database/sql.js';
import { JobQueueService, type JobInsert } from '../jobs/job-queue.service.js';
import { PollingLoop } from '../jobs/polling-loop.js';
import type { DomainEvent, DomainEventType } from './domain-events.js';
import { outboxRepository as outbox } from './outbox.repository.js';

/** A feature that reacts to domain events (notifications, webhooks, live updates...). */
export interface EventSubscriber {
  /** Stable and unique: names the subscriber's queue and its deliveries. */
  name: string;
  types: readonly DomainEventType[];
  /**
   * Handles one event, in a transaction that also records the delivery: what it writes with `manager`
   * commits with the delivery, once. A throw rolls back its writes and retries the event with backoff.
   */
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
}

const RELAY_BATCH = 500;
const RELAY_IDLE_MS = 200;

const queueOf = (subscriber: string) => `events-${subscriber}`;

/** The job that delivers an aggregate's pending events to a subscriber (one waiting per aggregate). */
const drainJob = (subscriber: string, aggregateId: string): JobInsert => ({
  name: queueOf(subscriber),
  data: { aggregateId },
  singletonKey: aggregateId,
});

/**
 * Delivers committed domain events to the subscribers modules register. A relay (in worker processes)
 * claims committed events from the outbox, writes each subscriber's pending delivery and queues one
 * pg-boss job per (subscriber, aggregate), in one transaction. A job delivers that aggregate's pending
 * events to its subscriber in order, each under an advisory lock on (subscriber, aggregate) and in the
 * same transaction as its delivery row: two workers never deliver one event twice to one subscriber. A
 * failure is retried by the queue with backoff; after EVENT_MAX_ATTEMPTS the event is parked (listed by
 * `npm run events`, retried with `--retry`) and the aggregate's later events go on.
 */
@Injectable()
export class EventDispatcher implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscribers = new Map<string, EventSubscriber>();
  private relay: PollingLoop | null = null;

  constructor(
    private readonly database: DatabaseService,
    private readonly jobs: JobQueueService,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Called from a module's onModuleInit, before the queue starts (later, the promise resolves once the
   * subscriber's workers run in this process).
   */
  subscribe(subscriber: EventSubscriber): Promise<void> {
    if (this.subscribers.has(subscriber.name)) throw new TypeError(`subscriber ${subscriber.name} twice`);
    this.subscribers.set(subscriber.name, subscriber);
    return this.jobs.register({
      name: queueOf(subscriber.name),
      // One queued job per aggregate at a time: a burst of votes on one idea is one job.
      queue: {
        policy: 'short',
        retryLimit: this.config.events.maxAttempts + 2,
        retryDelay: this.config.events.retrySeconds,
        retryBackoff: true,
      },
      workers: 2,
      batchSize: 20,
      handle: (data) => this.deliver(subscriber, String(data.aggregateId)),
    });
  }

  /**
   * Every minute: CampaignClosed for campaigns whose closing time passed, CampaignClosingSoon two days
   * before; events older than 30 days go.
   */
  onModuleInit(): void {
    this.jobs.register({
      name: 'events-schedule',
      cron: '* * * * *',
      handle: async () => {
        await outbox.recordScheduledClosures(this.database.dataSource);
        await outbox.recordClosingSoon(this.database.dataSource);
        await this.requeueStale();
        await outbox.prune(this.database.dataSource, 30);
      },
    });
  }

  /** Relays while this process's queue runs (worker processes); idle for a moment when nothing is waiting. */
  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    const work = async () => this.jobs.running && (await this.relayOnce()) > 0;
    this.relay = new PollingLoop('event relay', this.logger, work, RELAY_IDLE_MS);
    this.relay.start();
  }

  /** Claims a batch of committed events and queues their deliveries. Answers how many it claimed. */
  async relayOnce(): Promise<number> {
    return this.database.transaction(async (manager) => {
      const events = await outbox.claimUnrelayed(manager, RELAY_BATCH);
      const deliveries = [];
      const jobs = new Map<string, JobInsert>();
      for (const event of events) {
        for (const subscriber of this.subscribers.values()) {
          if (!subscriber.types.includes(event.type)) continue;
          deliveries.push({ subscriber: subscriber.name, eventId: event.id, aggregateId: event.aggregate_id });
          jobs.set(`${subscriber.name}:${event.aggregate_id}`, drainJob(subscriber.name, event.aggregate_id));
        }
      }
      await outbox.addDeliveries(manager, deliveries);
      await this.jobs.insertWithin(manager, [...jobs.values()]);
      return events.length;
    });
  }

  /**
   * Queues again the deliveries pending for over a minute whose job was lost (a crash between commit and
   * work, a queue created late); the queue keeps one waiting job per aggregate, so this adds no duplicates.
   */
  private async requeueStale(): Promise<void> {
    await this.database.transaction(async (manager) => {
      const stale = await outbox.stalePending(manager, 60);
      const known = stale.filter((row) => this.subscribers.has(row.subscriber));
      await this.jobs.insertWithin(
        manager,
        known.map((row) => drainJob(row.subscriber, row.aggregate_id)),
      );
    });
  }

  /** Delivers the aggregate's pending events to the subscriber, oldest first; throws to be retried later. */
  private async deliver(subscriber: EventSubscriber, aggregateId: string): Promise<void> {
    for (;;) {
      const outcome = await this.database.transaction(async (manager) => {
        await run(manager, 'SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [subscriber.name, aggregateId]);
        const event = await outbox.nextPending(manager, subscriber.name, aggregateId);
        if (!event) return { done: true as const, error: null };
        await run(manager, 'SAVEPOINT delivery');
        try {
          await subscriber.handle(event, manager);
        } catch (error) {
          await run(manager, 'ROLLBACK TO SAVEPOINT delivery');
          const message = error instanceof Error ? error.message : String(error);
          const parked = await outbox.markFailed(
            manager,
            subscriber.name,
            event.id,
            message,
            this.config.events.maxAttempts,
          );
          return { done: false as const, event, parked, error: error as unknown };
        }
        // When nothing else is pending, the loop ends here instead of in one more transaction.
        const more = await outbox.markDelivered(manager, subscriber.name, event.id);
        return { done: !more, event, parked: false, error: null };
      }, 1);
      if (outcome.done) return;
      if (outcome.error === null) continue;
      const details = { subscriber: subscriber.name, eventId: outcome.event.id, type: outcome.event.type };
      if (outcome.parked) {
        this.logger.emit('warn', 'event parked', { ...details, error: (outcome.error as Error).message });
        continue;
      }
      this.logger.emit('info', 'event delivery failed, will retry', details);
      throw outcome.error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
