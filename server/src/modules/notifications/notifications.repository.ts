import { EmailFrequency, type Language, type NotificationKind } from '@consulta/shared';
import { IDEA_SEEN_BY } from '../../database/predicates.js';
import { one, rows, run, type Executor } from '../../database/sql.js';
import type { NotificationDetails } from './summaries.js';

export type EmailState = 'NONE' | 'PENDING' | 'QUEUED' | 'DIGEST' | 'DIGESTED';

/** A row of `notifications` (owned by the notifications module). */
export interface NotificationRow {
  id: string;
  user_id: string;
  event_id: string;
  kind: NotificationKind;
  campaign_id: string | null;
  idea_id: string | null;
  comment_id: string | null;
  response_id: string | null;
  details: NotificationDetails;
  email_state: EmailState;
  read_at: Date | null;
  created_at: Date;
}

/** A row of `notification_preferences`. */
export interface NotificationPreferencesRow {
  user_id: string;
  email_frequency: EmailFrequency;
  muted_kinds: NotificationKind[];
  unsubscribe_key: string;
  updated_at: Date;
}

/** A notification with what its sentence names, as the reader may see it. */
export type DescribedNotification = NotificationRow & {
  idea_title: string | null;
  campaign_title: string | null;
  campaign_slug: string | null;
  agency_name: string | null;
};

/** A notification to mail, with its recipient. */
export type MailableNotification = DescribedNotification & {
  email: string;
  language: Language;
  display_name: string;
  unsubscribe_key: string;
};

/** What one event tells whom: the recipients are a query on `$1` (the event's subject ids, below). */
export interface FanOut {
  eventId: string;
  kind: NotificationKind;
  campaignId: string | null;
  ideaId: string | null;
  commentId: string | null;
  responseId: string | null;
  details: NotificationDetails;
  /** Never told of what they did themselves. */
  actorId: string | null;
  /**
   * A SELECT of one uuid column, the people to tell, which may read the event's subject from the relation
   * `subject` (campaign_id, idea_id, comment_id, parent_id).
   */
  recipients: string;
  parentId?: string | null;
}

/**
 * The joins that name what a notification is about, on notifications (or a CTE of them) as `n`; the idea's
 * title only for those who may see it.
 */
const described = (from: string) => `${from} n
  LEFT JOIN ideas i ON i.id = n.idea_id
  LEFT JOIN campaigns c ON c.id = n.campaign_id
  LEFT JOIN agencies a ON a.id = c.agency_id`;
const DESCRIBED = described('notifications');
const DESCRIBED_COLUMNS = `n.*, CASE WHEN ${IDEA_SEEN_BY('i', 'n.user_id')} THEN i.title END AS idea_title,
  c.title AS campaign_title, c.slug AS campaign_slug, a.name AS agency_name`;

export const NOTIFICATIONS_LISTING = { from: DESCRIBED, select: DESCRIBED_COLUMNS, alias: 'n.' };

/** Every statement on `notifications` and `notification_preferences`. */
export class NotificationsRepository {
  /**
   * One statement for every recipient of an event: deduplicated, without the actor or those who muted the
   * kind, each with the mail their preferences ask for (only confirmed addresses are mailed). A second
   * delivery of the same event adds nothing. Answers those created (id and recipient).
   */
  fanOut(executor: Executor, fan: FanOut): Promise<Array<{ id: string; user_id: string }>> {
    return rows<{ id: string; user_id: string }>(
      executor,
      `WITH subject AS (SELECT $3::uuid AS campaign_id, $4::uuid AS idea_id, $5::uuid AS comment_id, $9::uuid AS parent_id),
       created AS (
       INSERT INTO notifications (user_id, event_id, kind, campaign_id, idea_id, comment_id, response_id, details, email_state)
       SELECT r.user_id, $1, $2, $3, $4, $5, $6, $7::jsonb,
              CASE WHEN NOT u.email_verified THEN 'NONE'
                   WHEN coalesce(p.email_frequency, 'IMMEDIATELY') = 'IMMEDIATELY' THEN 'PENDING'
                   WHEN p.email_frequency IN ('DAILY', 'WEEKLY') THEN 'DIGEST'
                   ELSE 'NONE' END
         FROM (${fan.recipients}) AS r (user_id)
         JOIN users u ON u.id = r.user_id
         LEFT JOIN notification_preferences p ON p.user_id = r.user_id
        WHERE r.user_id IS DISTINCT FROM $8::uuid
          AND NOT ($2 = ANY (coalesce(p.muted_kinds, '{}'::text[])))
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id, user_id)
       SELECT id, user_id FROM created`,
      [
        fan.eventId,
        fan.kind,
        fan.campaignId,
        fan.ideaId,
        fan.commentId,
        fan.responseId,
        JSON.stringify(fan.details),
        fan.actorId,
        fan.parentId ?? null,
      ],
    );
  }

  unreadCount(executor: Executor, userId: string, muted: readonly string[]): Promise<number> {
    return one<{ n: number }>(
      executor,
      `SELECT count(*)::int AS n FROM notifications
        WHERE user_id = $1 AND read_at IS NULL AND NOT (kind = ANY ($2::text[]))`,
      [userId, muted],
    ).then((row) => row!.n);
  }

  /** Marks the person's notifications read (`ids` null: all of them); answers how many changed. */
  async markRead(executor: Executor, userId: string, ids: string[] | null): Promise<number> {
    const changed = await one<{ n: number }>(
      executor,
      `WITH changed AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY ($2::uuid[]))
          RETURNING 1)
       SELECT count(*)::int AS n FROM changed`,
      [userId, ids],
    );
    return changed!.n;
  }

  async findDescribed(executor: Executor, id: string): Promise<DescribedNotification | null> {
    return (
      (await one<DescribedNotification>(executor, `SELECT ${DESCRIBED_COLUMNS} FROM ${DESCRIBED} WHERE n.id = $1`, [
        id,
      ])) ?? null
    );
  }

  preferences(executor: Executor, userId: string): Promise<NotificationPreferencesRow | undefined> {
    return one<NotificationPreferencesRow>(executor, 'SELECT * FROM notification_preferences WHERE user_id = $1', [
      userId,
    ]);
  }

  /** Sets what is given (null leaves it); answers the row. Pending mail follows a change of frequency. */
  async savePreferences(
    executor: Executor,
    userId: string,
    change: { emailFrequency: EmailFrequency | null; mutedKinds: NotificationKind[] | null },
  ): Promise<NotificationPreferencesRow> {
    const row = await one<NotificationPreferencesRow>(
      executor,
      `INSERT INTO notification_preferences AS p (user_id, email_frequency, muted_kinds)
       VALUES ($1, coalesce($2, 'IMMEDIATELY'), coalesce($3::text[], '{}'))
       ON CONFLICT (user_id) DO UPDATE
          SET email_frequency = coalesce($2, p.email_frequency), muted_kinds = coalesce($3::text[], p.muted_kinds),
              updated_at = now()
       RETURNING *`,
      [userId, change.emailFrequency, change.mutedKinds],
    );
    await this.followFrequency(executor, userId, row!.email_frequency);
    return row!;
  }

  /** The row of the person whose unsubscribe links carry this key, set to NEVER; undefined when unknown. */
  async unsubscribe(executor: Executor, key: string): Promise<NotificationPreferencesRow | undefined> {
    const row = await one<NotificationPreferencesRow>(
      executor,
      `UPDATE notification_preferences SET email_frequency = 'NEVER', updated_at = now()
        WHERE unsubscribe_key = $1 RETURNING *`,
      [key],
    );
    if (row) await this.followFrequency(executor, row.user_id, EmailFrequency.NEVER);
    return row;
  }

  /** Mail not yet queued now goes the way of the new frequency. */
  private async followFrequency(executor: Executor, userId: string, frequency: EmailFrequency): Promise<void> {
    const state = frequency === 'IMMEDIATELY' ? 'PENDING' : frequency === 'NEVER' ? 'NONE' : 'DIGEST';
    await run(
      executor,
      `UPDATE notifications SET email_state = $2
        WHERE user_id = $1 AND email_state IN ('PENDING', 'DIGEST') AND email_state <> $2`,
      [userId, state],
    );
  }

  /** The unsubscribe keys of these people, creating their rows with the defaults where they have none. */
  async ensureKeys(executor: Executor, userIds: string[]): Promise<Map<string, string>> {
    await run(
      executor,
      `INSERT INTO notification_preferences (user_id) SELECT unnest($1::uuid[]) ON CONFLICT (user_id) DO NOTHING`,
      [userIds],
    );
    const found = await rows<Pick<NotificationPreferencesRow, 'user_id' | 'unsubscribe_key'>>(
      executor,
      'SELECT user_id, unsubscribe_key FROM notification_preferences WHERE user_id = ANY ($1::uuid[])',
      [userIds],
    );
    return new Map(found.map((row) => [row.user_id, row.unsubscribe_key]));
  }

  /**
   * Claims up to `limit` notifications waiting for their own message (skipping those another worker holds),
   * marks them QUEUED and answers them with their recipients; `mailable` false: muted or unconfirmed by now.
   */
  claimForMail(executor: Executor, limit: number): Promise<Array<MailableNotification & { mailable: boolean }>> {
    return rows<MailableNotification & { mailable: boolean }>(
      executor,
      `WITH claimed AS (
         UPDATE notifications SET email_state = 'QUEUED'
          WHERE id IN (SELECT id FROM notifications WHERE email_state = 'PENDING'
                        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING *
       )
       SELECT ${DESCRIBED_COLUMNS}, u.email, u.language, u.display_name, p.unsubscribe_key,
              u.email_verified AND NOT (n.kind = ANY (coalesce(p.muted_kinds, '{}'::text[]))) AS mailable
         FROM ${described('claimed')}
         JOIN users u ON u.id = n.user_id
         LEFT JOIN notification_preferences p ON p.user_id = n.user_id`,
      [limit],
    );
  }

  /** People with notifications made before `cutoff` waiting for their digest of this frequency (a batch at a time). */
  async dueDigests(executor: Executor, frequency: 'DAILY' | 'WEEKLY', cutoff: Date, limit: number): Promise<string[]> {
    const found = await rows<{ user_id: string }>(
      executor,
      `SELECT DISTINCT n.user_id FROM notifications n
         JOIN notification_preferences p ON p.user_id = n.user_id AND p.email_frequency = $1
        WHERE n.email_state = 'DIGEST' AND n.created_at < $2 LIMIT $3`,
      [frequency, cutoff, limit],
    );
    return found.map((row) => row.user_id);
  }

  /**
   * Takes one person's notifications made before `cutoff` waiting for a digest (marks them DIGESTED) and answers the unread
   * ones, newest first, with their recipient.
   */
  takeDigest(executor: Executor, userId: string, cutoff: Date): Promise<MailableNotification[]> {
    return rows<MailableNotification>(
      executor,
      `WITH taken AS (
         UPDATE notifications SET email_state = 'DIGESTED'
          WHERE user_id = $1 AND email_state = 'DIGEST' AND created_at < $2 RETURNING *
       )
       SELECT ${DESCRIBED_COLUMNS}, u.email, u.language, u.display_name, p.unsubscribe_key
         FROM ${described('taken')}
         JOIN users u ON u.id = n.user_id
         JOIN notification_preferences p ON p.user_id = n.user_id
        WHERE n.read_at IS NULL AND u.email_verified AND NOT (n.kind = ANY (p.muted_kinds))
        ORDER BY n.created_at DESC, n.id DESC`,
      [userId, cutoff],
    );
  }

  /** A deleted account is told nothing more and keeps no preferences. */
  async deleteAllOf(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM notifications WHERE user_id = $1', [userId]);
    await run(executor, 'DELETE FROM notification_preferences WHERE user_id = $1', [userId]);
  }
}

export const notificationsRepository = new NotificationsRepository();
