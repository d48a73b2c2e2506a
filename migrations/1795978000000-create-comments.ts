import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Threaded comments on ideas: replies up to three levels, soft deletion that keeps the thread's shape. */
export class CreateComments1795978000000 implements MigrationInterface {
  name = 'CreateComments1795978000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        depth smallint NOT NULL CHECK (depth BETWEEN 1 AND 3),
        body text NOT NULL,
        body_html text NOT NULL,
        visibility text NOT NULL DEFAULT 'VISIBLE' CHECK (visibility IN ('VISIBLE', 'HIDDEN')),
        deleted_at timestamptz,
        edited_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT comments_top_level_check CHECK ((parent_id IS NULL) = (depth = 1)),
        CONSTRAINT comments_deleted_body_check CHECK (deleted_at IS NULL OR body = '')
      )`);
    await runner.query('CREATE INDEX comments_top_idx ON comments (idea_id, created_at, id) WHERE parent_id IS NULL');
    await runner.query(
      'CREATE INDEX comments_replies_idx ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE comments');
  }
}
