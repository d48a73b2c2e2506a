import type { WebhookDeliveryStatus, WebhookEvent, WebhookFailure } from '@consulta/shared';
import { listByTime } from '../../../common/graphql/time-listing.js';
import { one, rows, run, type Executor } from '../../../database/sql.js';

/** A row of `webhooks` (owned by the developers module). */
export interface WebhookRow {
  id: string;
  user_id: string;
  url: string;
  events: WebhookEvent[];
  campaign_id: string | null;
  agency_id: string | null;
  secret: string;
  active: boolean;
  failing_since: Date | null;
  deactivated_at: Date | null;
  created_at: Date;
}

/** A row of `webhook_deliveries`: one event for one webhook, with its attempts so far. */
export interface WebhookDeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event: WebhookEvent;
  subject_id: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  response_status: number | null;
  failure: WebhookFailure | null;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
}

/** A delivery claimed for an attempt, with what sending it needs of its webhook. */
export type ClaimedDeliveryRow = WebhookDeliveryRow & { url: string; secret: string; user_id: string };

/** One event's deliveries to make: every active webhook that subscribes to it and whose scope covers it. */
export interface DeliveriesToMake {
  eventId: string;
  event: WebhookEvent;
  subjectId: string;
  campaignId: string;
  agencyId: string;
  body: string;
  at: Date;
}

/** Every statement on `webhooks` and `webhook_deliveries`. */
export class WebhooksRepository {
  async insert(
    executor: Executor,
    hook: {
      userId: string;
      url: string;
      events: WebhookEvent[];
      campaignId: string | null;
      agencyId: string | null;
      secret: string;
    },
  ): Promise<WebhookRow> {
    return (await one<WebhookRow>(
      executor,
      `INSERT INTO webhooks (user_id, url, events, campaign_id, agency_id, secret) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING *`,
      [hook.userId, hook.url, hook.events, hook.campaignId, hook.agencyId, hook.secret],
    ))!;
  }

  async countOf(executor: Executor, userId: string): Promise<number> {
    return (await one<{ n: number }>(executor, 'SELECT count(*)::int AS n FROM webhooks WHERE user_id = $1', [userId]))!
      .n;
  }

  /** The person's webhooks, newest first. */
  listOf(executor: Executor, userId: string): Promise<WebhookRow[]> {
    return rows<WebhookRow>(executor, 'SELECT * FROM webhooks WHERE user_id = $1 ORDER BY created_at DESC, id', [
      userId,
    ]);
  }

  async find(executor: Executor, id: string): Promise<WebhookRow | null> {
    return (await one<WebhookRow>(executor, 'SELECT * FROM webhooks WHERE id = $1', [id])) ?? null;
  }

  /** A delivery of one of the person's webhooks, or null. */
  async findDeliveryOf(executor: Executor, userId: string, id: string): Promise<WebhookDeliveryRow | null> {
    return (
      (await one<WebhookDeliveryRow>(
        executor,
        `SELECT d.* FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1 AND w.user_id = $2`,
        [id, userId],
      )) ?? null
    );
  }

  /** A webhook's deliveries, newest first, in keyset pages. */
  deliveries(executor: Executor, webhookId: string, page: { first?: number | null; after?: string | null }) {
    return listByTime<WebhookDeliveryRow>(
      executor,
      {
        order: 'webhook-deliveries',
        select: '*',
        from: 'webhook_deliveries',
        where: 'webhook_id = $1',
        params: [webhookId],
        direction: 'DESC',
      },
      page,
    );
  }

  /** Deletes one of the person's webhooks (with its deliveries); false when they have no such webhook. */
  async delete(executor: Executor, userId: string, id: string): Promise<boolean> {
    return (
      (await one<{ id: string }>(executor, 'DELETE FROM webhooks WHERE id = $1 AND user_id = $2 RETURNING id', [
        id,
        userId,
      ])) !== undefined
    );
  }

  /** A deleted account's webhooks go with it. */
  async deleteAllOf(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM webhooks WHERE user_id = $1', [userId]);
  }

  /** True when some active webhook subscribes to the event (else an event costs one indexed look). */
  async anySubscribed(executor: Executor, event: WebhookEvent): Promise<boolean> {
    return (
      (await one<{ found: boolean }>(
        executor,
        'SELECT true AS found FROM webhooks WHERE active AND events @> ARRAY[$1]::text[] LIMIT 1',
        [event],
      )) !== undefined
    );
  }

  /** One delivery per matching webhook, once per (webhook, event): a redelivered event adds nothing. */
  async addDeliveries(executor: Executor, d: DeliveriesToMake): Promise<number> {
    const made = await rows<{ id: string }>(
      executor,
      `INSERT INTO webhook_deliveries (webhook_id, event_id, event, subject_id, body, next_attempt_at, created_at)
       SELECT w.id, $1, $2, $3, $4, $7, $7 FROM webhooks w
        WHERE w.active AND w.events @> ARRAY[$2]::text[]
          AND (w.campaign_id = $5 OR w.agency_id = $6 OR (w.campaign_id IS NULL AND w.agency_id IS NULL))
       ON CONFLICT (webhook_id, event_id) DO NOTHING
       RETURNING id`,
      [d.eventId, d.event, d.subjectId, d.body, d.campaignId, d.agencyId, d.at],
    );
    return made.length;
  }

  /**
   * Takes up to `limit` deliveries due at `now` for one attempt each: their attempt is counted and their next
   * one put `leaseSeconds` ahead, so a process that dies while sending leaves them to be tried again.
   */
  claimDue(executor: Executor, now: Date, leaseSeconds: number, limit: number): Promise<ClaimedDeliveryRow[]> {
    return rows<ClaimedDeliveryRow>(
      executor,
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1
          ORDER BY d.next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $2)
         FROM due, webhooks w
        WHERE d.id = due.id AND w.id = d.webhook_id
       RETURNING d.*, w.url, w.secret, w.user_id`,
      [now, leaseSeconds, limit],
    );
  }

  /** A 2xx: the delivery is done and its webhook is no longer failing. */
  async markSucceeded(executor: Executor, delivery: { id: string; webhookId: string }, status: number, at: Date) {
    await run(
      executor,
      `UPDATE webhook_deliveries SET status = 'SUCCEEDED', response_status = $2, failure = NULL, delivered_at = $3
        WHERE id = $1`,
      [delivery.id, status, at],
    );
    await run(executor, 'UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [
      delivery.webhookId,
    ]);
  }

  /**
   * A failed attempt: tried again at `retryAt`, or FAILED for good when it is null. Answers since when the
   * webhook has been failing (this failure's time when it was not).
   */
  async markFailed(
    executor: Executor,
    delivery: { id: string; webhookId: string },
    outcome: { status: number | null; failure: WebhookFailure; retryAt: Date | null },
    at: Date,
  ): Promise<Date> {
    await run(
      executor,
      `UPDATE webhook_deliveries
          SET status = CASE WHEN $4::timestamptz IS NULL THEN 'FAILED' ELSE 'PENDING' END,
              response_status = $2, failure = $3, next_attempt_at = coalesce($4, next_attempt_at)
        WHERE id = $1`,
      [delivery.id, outcome.status, outcome.failure, outcome.retryAt],
    );
    return (await one<{ failing_since: Date }>(
      executor,
      'UPDATE webhooks SET failing_since = coalesce(failing_since, $2) WHERE id = $1 RETURNING failing_since',
      [delivery.webhookId, at],
    ))!.failing_since;
  }

  /** A delivery that will not be attempted (its content is no longer public): FAILED with the reason. */
  async withhold(executor: Executor, id: string): Promise<void> {
    await run(executor, "UPDATE webhook_deliveries SET status = 'FAILED', failure = 'NO_LONGER_PUBLIC' WHERE id = $1", [
      id,
    ]);
  }

  /**
   * Turns a webhook off, its pending deliveries FAILED; the row when this call turned it off (once, however
   * many failures arrive together), null when it was off already.
   */
  async deactivate(executor: Executor, id: string, at: Date): Promise<WebhookRow | null> {
    const row = await one<WebhookRow>(
      executor,
      'UPDATE webhooks SET active = false, deactivated_at = $2 WHERE id = $1 AND active RETURNING *',
      [id, at],
    );
    if (!row) return null;
    await run(
      executor,
      `UPDATE webhook_deliveries SET status = 'FAILED', failure = 'WEBHOOK_TURNED_OFF'
        WHERE webhook_id = $1 AND status = 'PENDING'`,
      [id],
    );
    return row;
  }

  /** Deliveries older than `days` go (the list shows recent ones). */
  async prune(executor: Executor, days: number): Promise<void> {
    await run(executor, `DELETE FROM webhook_deliveries WHERE created_at < now() - make_interval(days => $1)`, [days]);
  }
}

export const webhooksRepository = new WebhooksRepository();
