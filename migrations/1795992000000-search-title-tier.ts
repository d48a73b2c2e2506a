import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search ranks ideas whose title holds the query first: this index finds them (listed ideas only, as search
 * shows), so a page of a common word ranks its title matches, not every idea that mentions the word.
 */
export class SearchTitleTier1795992000000 implements MigrationInterface {
  name = 'SearchTitleTier1795992000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX ideas_title_search_idx ON ideas USING gin (to_tsvector('english', title))
        WHERE visibility = 'VISIBLE' AND status <> 'WITHDRAWN'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ideas_title_search_idx');
  }
}
