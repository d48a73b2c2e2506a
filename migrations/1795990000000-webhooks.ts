import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (Standard Webhooks): a person's URL subscribed to public events of one campaign, one agency's
 * campaigns, or everything, and one delivery row per (webhook, event) with its attempts. The secret is kept
 * as given out (whsec_…): signing needs it, so a hash would not do.
 */
export class Webhooks1795990000000 implements MigrationInterface {
  name = 'Webhooks1795990000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (char_length(url) BETWEEN 8 AND 2000),
        events text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 6),
        campaign_id uuid REFERENCES campaigns (id) ON DELETE CASCADE,
        agency_id uuid REFERENCES agencies (id) ON DELETE CASCADE,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        failing_since timestamptz(3),
        deactivated_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (campaign_id IS NULL OR agency_id IS NULL)
      )`);
    await runner.query('CREATE INDEX webhooks_user_idx ON webhooks (user_id, created_at DESC)');
    await runner.query('CREATE INDEX webhooks_events_idx ON webhooks USING gin (events) WHERE active');
    await runner.query('CREATE INDEX webhooks_campaign_idx ON webhooks (campaign_id) WHERE campaign_id IS NOT NULL');
    await runner.query('CREATE INDEX webhooks_agency_idx ON webhooks (agency_id) WHERE agency_id IS NOT NULL');
    await runner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id bigint NOT NULL,
        event text NOT NULL,
        subject_id uuid NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        response_status integer,
        failure text,
        next_attempt_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL,
        delivered_at timestamptz(3),
        UNIQUE (webhook_id, event_id)
      )`);
    await runner.query(
      "CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'",
    );
    await runner.query(
      'CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE webhook_deliveries');
    await runner.query('DROP TABLE webhooks');
  }
}
