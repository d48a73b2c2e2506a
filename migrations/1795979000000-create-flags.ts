import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: flags on ideas and comments (one per person and target), and why content is hidden
 * (`hidden_by_flags` marks content hidden automatically, pending review). Campaign and agency are kept on
 * each flag so the review queue is scoped by agency with one index.
 */
export class CreateFlags1795979000000 implements MigrationInterface {
  name = 'CreateFlags1795979000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['ideas', 'comments']) {
      await runner.query(`
        ALTER TABLE ${table}
          ADD COLUMN hidden_reason text,
          ADD COLUMN hidden_by_flags boolean NOT NULL DEFAULT false,
          ADD CONSTRAINT ${table}_hidden_check CHECK (visibility = 'HIDDEN' OR (hidden_reason IS NULL AND NOT hidden_by_flags))`);
    }
    await runner.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_type text NOT NULL CHECK (target_type IN ('Idea', 'Comment')),
        target_id uuid NOT NULL,
        idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_INFO', 'MISINFORMATION', 'OTHER')),
        note text,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'ACTIONED')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3),
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT flags_once_per_person UNIQUE (target_id, reporter_id),
        CONSTRAINT flags_target_check CHECK (
          (target_type = 'Idea' AND target_id = idea_id AND comment_id IS NULL)
          OR (target_type = 'Comment' AND target_id = comment_id)),
        CONSTRAINT flags_resolved_check CHECK ((status = 'OPEN') = (resolved_at IS NULL))
      )`);
    await runner.query('CREATE INDEX flags_queue_idx ON flags (status, created_at, id)');
    await runner.query('CREATE INDEX flags_agency_queue_idx ON flags (agency_id, status, created_at, id)');
    await runner.query("CREATE INDEX flags_open_target_idx ON flags (target_id) WHERE status = 'OPEN'");
    await runner.query('CREATE INDEX flags_reporter_idx ON flags (reporter_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE flags');
    for (const table of ['ideas', 'comments']) {
      await runner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_hidden_check, DROP COLUMN hidden_reason, DROP COLUMN hidden_by_flags`,
      );
    }
  }
}
