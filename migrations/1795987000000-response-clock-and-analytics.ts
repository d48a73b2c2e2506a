import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The response clock: an agency may commit to answer an idea within `response_days` of its reaching the
 * response threshold (null: no commitment). The activity indexes let a campaign's figures per day be read
 * from index-only scans of its own votes and comments, never the whole tables.
 */
export class ResponseClockAndAnalytics1795987000000 implements MigrationInterface {
  name = 'ResponseClockAndAnalytics1795987000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE campaigns ADD COLUMN response_days int CONSTRAINT campaigns_response_days_check CHECK (response_days BETWEEN 0 AND 365)',
    );
    await runner.query('CREATE INDEX votes_activity_idx ON votes (campaign_id, created_at) INCLUDE (user_id)');
    await runner.query('CREATE INDEX comments_activity_idx ON comments (idea_id, created_at) INCLUDE (author_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX comments_activity_idx');
    await runner.query('DROP INDEX votes_activity_idx');
    await runner.query('ALTER TABLE campaigns DROP COLUMN response_days');
  }
}
