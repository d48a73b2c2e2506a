import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official responses (a history per idea; each sets the idea's status), the accountability columns on
 * ideas (when the response threshold was first reached, when the agency first answered), and follows.
 */
export class CreateOfficialResponsesAndFollows1795977000000 implements MigrationInterface {
  name = 'CreateOfficialResponsesAndFollows1795977000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ideas
        ADD COLUMN duplicate_of_id uuid REFERENCES ideas (id) ON DELETE SET NULL,
        ADD COLUMN threshold_reached_at timestamptz(3),
        ADD COLUMN responded_at timestamptz(3),
        ADD CONSTRAINT ideas_duplicate_check CHECK ((status = 'DUPLICATE') = (duplicate_of_id IS NOT NULL) OR status = 'WITHDRAWN'),
        ADD CONSTRAINT ideas_not_own_duplicate CHECK (duplicate_of_id <> id)`);
    await runner.query(`
      CREATE INDEX ideas_awaiting_idx ON ideas (campaign_id, threshold_reached_at, id)
        WHERE responded_at IS NULL AND threshold_reached_at IS NOT NULL AND visibility = 'VISIBLE' AND status <> 'WITHDRAWN'`);
    await runner.query(`
      CREATE TABLE official_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        body text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL CHECK (status IN ('UNDER_REVIEW', 'ACCEPTED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED', 'DUPLICATE')),
        duplicate_of_id uuid REFERENCES ideas (id) ON DELETE SET NULL,
        previous_status text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX official_responses_idea_idx ON official_responses (idea_id, created_at, id)');
    await runner.query(`
      CREATE TABLE idea_follows (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, idea_id)
      )`);
    await runner.query('CREATE INDEX idea_follows_idea_idx ON idea_follows (idea_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idea_follows');
    await runner.query('DROP TABLE official_responses');
    await runner.query('DROP INDEX ideas_awaiting_idx');
    await runner.query(`
      ALTER TABLE ideas DROP CONSTRAINT ideas_not_own_duplicate, DROP CONSTRAINT ideas_duplicate_check,
        DROP COLUMN responded_at, DROP COLUMN threshold_reached_at, DROP COLUMN duplicate_of_id`);
  }
}
