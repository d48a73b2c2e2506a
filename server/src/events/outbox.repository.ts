import { noteRecorded } from '../database/after-commit.js';
import { one, rows, run, type Executor } from '../database/sql.js';
import { AGGREGATE_OF, type DomainEvent, type DomainEventType, type NewDomainEvent } from './domain-events.js';

/** A row of `event_deliveries`: one subscriber's ledger entry for one event. */
export interface DeliveryRow {
  subscriber: string;
  event_id: string;
  aggregate_id: string;
  state: 'PENDING' | 'DELIVERED' | 'PARKED';
  attempts: number;
  last_error: string | null;
  updated_at: Date;
}

interface EventRow {
  id: string;
  type: DomainEventType;
  aggregate_id: string;
  payload: DomainEvent['payload'];
  occurred_at: Date;
  attempts: number;
}

const eventFromRow = (row: EventRow): DomainEvent =>
  ({
    id: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    occurredAt: row.occurred_at,
    attempt: row.attempts + 1,
  }) as DomainEvent;

/** What the relay claimed: each event's id, type and aggregate. */
export interface ClaimedEvent {
  id: string;
  type: DomainEventType;
  aggregate_id: string;
}

export interface EventBacklog {
  /** Events not yet relayed plus deliveries not yet made. */
  backlog: number;
  /** Deliveries given up after every attempt, waiting for someone to retry them. */
  parked: number;
  /** Age of the oldest event still waiting for relay or delivery, in seconds (null when none waits). */
  oldestPendingSeconds: number | null;
}

export interface ParkedDelivery {
  subscriber: string;
  eventId: string;
  type: DomainEventType;
  aggregateId: string;
  attempts: number;
  lastError: string | null;
}

/**
 * The outbox: domain_events and event_deliveries, owned by the events module. Use cases record their events
 * with `outboxRepository.record(manager, [...])` in the change's transaction.
 */
export class OutboxRepository {
  /** Records events in the caller's transaction: they exist if and only if it commits. */
  async record(executor: Executor, events: readonly NewDomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    noteRecorded(executor, events);
    await run(
      executor,
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
       SELECT e.type, e.aggregate_type, e.aggregate_id, e.payload
         FROM jsonb_to_recordset($1::jsonb) AS e (type text, aggregate_type text, aggregate_id uuid, payload jsonb)`,
      [
        JSON.stringify(
          events.map((event) => ({
            type: event.type,
            aggregate_type: AGGREGATE_OF[event.type],
            aggregate_id: event.aggregateId,
            payload: event.payload,
          })),
        ),
      ],
    );
  }

  /** CampaignClosed for campaigns whose closing time has passed (within a week) since they last opened. */
  recordScheduledClosures(executor: Executor): Promise<number> {
    return this.recordOncePerOpening(
      executor,
      'CampaignClosed',
      "jsonb_build_object('agencyId', c.agency_id, 'actorId', NULL)",
      "c.closes_at <= now() AND c.closes_at > now() - interval '7 days'",
    );
  }

  /** CampaignClosingSoon for open campaigns that close within two days. */
  recordClosingSoon(executor: Executor): Promise<number> {
    return this.recordOncePerOpening(
      executor,
      'CampaignClosingSoon',
      "jsonb_build_object('agencyId', c.agency_id, 'closesAt', c.closes_at)",
      "c.closes_at > now() AND c.closes_at <= now() + interval '2 days'",
    );
  }

  /**
   * A scheduled campaign event, once per opening: for each open campaign `c` matching `when` with no such
   * event since it last opened. Answers how many it recorded.
   */
  private async recordOncePerOpening(
    executor: Executor,
    type: 'CampaignClosed' | 'CampaignClosingSoon',
    payload: string,
    when: string,
  ): Promise<number> {
    const recorded = await rows<{ id: string }>(
      executor,
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
       SELECT $1, 'campaign', c.id, ${payload}
         FROM campaigns c
        WHERE c.status = 'OPEN' AND ${when}
          AND NOT EXISTS (
            SELECT 1 FROM domain_events e
             WHERE e.aggregate_id = c.id AND e.type = $1
               AND e.id > coalesce((SELECT max(o.id) FROM domain_events o
                                     WHERE o.aggregate_id = c.id AND o.type = 'CampaignOpened'), 0))
       RETURNING id`,
      [type],
    );
    return recorded.length;
  }

  /** Claims up to `limit` committed events not yet relayed (skipping those another relay holds). */
  claimUnrelayed(executor: Executor, limit: number): Promise<ClaimedEvent[]> {
    return rows<ClaimedEvent>(
      executor,
      // In id order through the unrelayed index, so the entries of relayed events are marked dead as the
      // scan passes them (migration 1795997000000).
      'SELECT id, type, aggregate_id FROM consulta_claim_events($1)',
      [limit],
    );
  }

  /** One pending delivery per (subscriber, event); an existing one is left as it is. */
  async addDeliveries(
    executor: Executor,
    deliveries: Array<{ subscriber: string; eventId: string; aggregateId: string }>,
  ): Promise<void> {
    if (deliveries.length === 0) return;
    await run(
      executor,
      `INSERT INTO event_deliveries (subscriber, event_id, aggregate_id)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[])
       ON CONFLICT (subscriber, event_id) DO NOTHING`,
      [deliveries.map((d) => d.subscriber), deliveries.map((d) => d.eventId), deliveries.map((d) => d.aggregateId)],
    );
  }

  /** The subscriber's earliest pending event of the aggregate. */
  async nextPending(executor: Executor, subscriber: string, aggregateId: string): Promise<DomainEvent | undefined> {
    const row = await one<EventRow>(
      executor,
      `SELECT e.id, e.type, e.aggregate_id, e.payload, e.occurred_at, d.attempts
         FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id
        WHERE d.subscriber = $1 AND d.aggregate_id = $2 AND d.state = 'PENDING'
        ORDER BY d.event_id LIMIT 1`,
      [subscriber, aggregateId],
    );
    return row && eventFromRow(row);
  }

  /** Blanks an event's payload (what it carried is no longer needed and should not be kept). */
  async redact(executor: Executor, eventId: string): Promise<void> {
    await run(executor, "UPDATE domain_events SET payload = '{}' WHERE id = $1", [eventId]);
  }

  /** (subscriber, aggregate) pairs with a delivery pending for over `seconds`. */
  stalePending(executor: Executor, seconds: number): Promise<Array<{ subscriber: string; aggregate_id: string }>> {
    return rows<Pick<DeliveryRow, 'subscriber' | 'aggregate_id'>>(
      executor,
      `SELECT DISTINCT subscriber, aggregate_id FROM event_deliveries
        WHERE state = 'PENDING' AND updated_at < now() - make_interval(secs => $1) LIMIT 1000`,
      [seconds],
    );
  }

  /** Marks the delivery done; answers whether the subscriber has more of the aggregate's events pending. */
  async markDelivered(executor: Executor, subscriber: string, eventId: string): Promise<boolean> {
    const row = await one<{ more: boolean }>(
      executor,
      `WITH done AS (
         UPDATE event_deliveries SET state = 'DELIVERED', attempts = attempts + 1, last_error = NULL, updated_at = now()
          WHERE subscriber = $1 AND event_id = $2 RETURNING aggregate_id)
       SELECT EXISTS (SELECT 1 FROM event_deliveries d JOIN done ON d.aggregate_id = done.aggregate_id
                       WHERE d.subscriber = $1 AND d.state = 'PENDING' AND d.event_id <> $2) AS more`,
      [subscriber, eventId],
    );
    return row?.more ?? false;
  }

  /** Counts a failed attempt; parks the delivery once it has had `maxAttempts`. Answers whether it parked. */
  async markFailed(
    executor: Executor,
    subscriber: string,
    eventId: string,
    error: string,
    maxAttempts: number,
  ): Promise<boolean> {
    const row = await one<Pick<DeliveryRow, 'state'>>(
      executor,
      `UPDATE event_deliveries
          SET attempts = attempts + 1, last_error = left($3, 1000), updated_at = now(),
              state = CASE WHEN attempts + 1 >= $4 THEN 'PARKED' ELSE state END
        WHERE subscriber = $1 AND event_id = $2
        RETURNING state`,
      [subscriber, eventId, error, maxAttempts],
    );
    return row?.state === 'PARKED';
  }

  async parked(executor: Executor): Promise<ParkedDelivery[]> {
    const found = await rows<{
      subscriber: string;
      event_id: string;
      type: DomainEventType;
      aggregate_id: string;
      attempts: number;
      last_error: string | null;
    }>(
      executor,
      `SELECT d.subscriber, d.event_id, e.type, d.aggregate_id, d.attempts, d.last_error
         FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id
        WHERE d.state = 'PARKED' ORDER BY d.event_id`,
    );
    return found.map((row) => ({
      subscriber: row.subscriber,
      eventId: row.event_id,
      type: row.type,
      aggregateId: row.aggregate_id,
      attempts: row.attempts,
      lastError: row.last_error,
    }));
  }

  /** Makes a parked delivery pending again and hands its event back to the relay. Answers how many. */
  async retryParked(executor: Executor, eventId: string, subscriber: string | null): Promise<number> {
    const row = await one<{ n: number }>(
      executor,
      `WITH again AS (
         UPDATE event_deliveries SET state = 'PENDING', attempts = 0, updated_at = now()
          WHERE event_id = $1 AND state = 'PARKED' AND ($2::text IS NULL OR subscriber = $2)
          RETURNING event_id
       ), relay AS (
         UPDATE domain_events SET relayed_at = NULL WHERE id IN (SELECT event_id FROM again)
       )
       SELECT count(*)::int AS n FROM again`,
      [eventId, subscriber],
    );
    return row?.n ?? 0;
  }

  async backlog(executor: Executor): Promise<EventBacklog> {
    const row = await one<{ backlog: number; parked: number; oldest: number | null }>(
      executor,
      `SELECT (SELECT count(*) FROM domain_events WHERE relayed_at IS NULL)::int
            + (SELECT count(*) FROM event_deliveries WHERE state = 'PENDING')::int AS backlog,
              (SELECT count(*) FROM event_deliveries WHERE state = 'PARKED')::int AS parked,
              extract(epoch FROM now() - LEAST(
                (SELECT min(occurred_at) FROM domain_events WHERE relayed_at IS NULL),
                (SELECT min(e.occurred_at) FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id
                  WHERE d.state = 'PENDING')))::float8 AS oldest`,
    );
    return {
      backlog: row?.backlog ?? 0,
      parked: row?.parked ?? 0,
      oldestPendingSeconds: row?.oldest === null || row?.oldest === undefined ? null : Math.max(0, row.oldest),
    };
  }

  /** Forgets events older than `days` whose every delivery was made. */
  async prune(executor: Executor, days: number): Promise<number> {
    const pruned = await rows<{ id: string }>(
      executor,
      `DELETE FROM domain_events e
        WHERE e.occurred_at < now() - make_interval(days => $1) AND e.relayed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = e.id AND d.state <> 'DELIVERED')
        RETURNING e.id`,
      [days],
    );
    return pruned.length;
  }
}

export const outboxRepository = new OutboxRepository();
