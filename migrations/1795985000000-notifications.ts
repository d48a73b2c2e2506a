import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications. `notifications`: what each person is told, one row per (event, person), created set-based
 * from domain events; `email_state` follows its mail: NONE (not mailed), PENDING (one message soon),
 * QUEUED (its message is in outgoing_mail), DIGEST (waits for the person's digest), DIGESTED.
 * `notification_preferences`: how each person wants to be told (no row: the defaults), with the key of
 * their unsubscribe links. Messages may carry List-Unsubscribe.
 */
export class Notifications1795985000000 implements MigrationInterface {
  name = 'Notifications1795985000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      event_id bigint NOT NULL,
      kind text NOT NULL CHECK (kind IN ('OFFICIAL_RESPONSE', 'NEW_COMMENT', 'MODERATION_DECISION', 'RESPONSE_OWED', 'CAMPAIGN_CLOSING')),
      campaign_id uuid REFERENCES campaigns (id) ON DELETE CASCADE,
      idea_id uuid REFERENCES ideas (id) ON DELETE CASCADE,
      comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
      response_id uuid REFERENCES official_responses (id) ON DELETE CASCADE,
      details jsonb NOT NULL DEFAULT '{}',
      email_state text NOT NULL DEFAULT 'NONE' CHECK (email_state IN ('NONE', 'PENDING', 'QUEUED', 'DIGEST', 'DIGESTED')),
      read_at timestamptz,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT notifications_once UNIQUE (event_id, user_id)
    )`);
    await runner.query('CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)');
    await runner.query('CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL');
    await runner.query(
      "CREATE INDEX notifications_mail_idx ON notifications (created_at) WHERE email_state IN ('PENDING', 'DIGEST')",
    );
    await runner.query(`CREATE TABLE notification_preferences (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      email_frequency text NOT NULL DEFAULT 'IMMEDIATELY' CHECK (email_frequency IN ('IMMEDIATELY', 'DAILY', 'WEEKLY', 'NEVER')),
      muted_kinds text[] NOT NULL DEFAULT '{}',
      unsubscribe_key text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('ALTER TABLE outgoing_mail ADD COLUMN unsubscribe_url text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outgoing_mail DROP COLUMN unsubscribe_url');
    await runner.query('DROP TABLE notification_preferences');
    await runner.query('DROP TABLE notifications');
  }
}
