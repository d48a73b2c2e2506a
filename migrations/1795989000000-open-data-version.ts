import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open data's version (its ETag) reads the newest change of each published table: these indexes make
 * each of those a one-row index read instead of a scan. Votes per idea and day are counted from an index
 * that holds the day and the value beside the idea, so no vote row is read; it replaces the idea index.
 */
export class OpenDataVersion1795989000000 implements MigrationInterface {
  name = 'OpenDataVersion1795989000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ideas_updated_idx ON ideas (updated_at)');
    await runner.query('CREATE INDEX campaigns_updated_idx ON campaigns (updated_at)');
    await runner.query('CREATE INDEX comments_changed_idx ON comments ((greatest(created_at, edited_at, deleted_at)))');
    await runner.query('CREATE INDEX users_changed_idx ON users ((greatest(updated_at, deleted_at)))');
    await runner.query('CREATE INDEX votes_idea_day_idx ON votes (idea_id, created_at) INCLUDE (value)');
    await runner.query('DROP INDEX votes_idea_idx');
    // Every listed idea in publishing order, for the downloads across all campaigns.
    await runner.query('CREATE INDEX ideas_published_idx ON ideas (created_at, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ideas_published_idx');
    await runner.query('CREATE INDEX votes_idea_idx ON votes (idea_id)');
    await runner.query('DROP INDEX votes_idea_day_idx');
    await runner.query('DROP INDEX users_changed_idx');
    await runner.query('DROP INDEX comments_changed_idx');
    await runner.query('DROP INDEX campaigns_updated_idx');
    await runner.query('DROP INDEX ideas_updated_idx');
  }
}
