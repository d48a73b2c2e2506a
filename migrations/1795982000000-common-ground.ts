import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Common ground (see server/src/modules/common-ground/fit.ts): each idea's score, stored by the background
 * recompute, and a sort key that puts ideas without one last (then by TOP), indexed for keyset pages like
 * the other sorts. Campaigns remember which votes their scores were computed from, and when. The secret that
 * makes the vote matrix's per-campaign pseudonyms lives in the database, never in code or configuration.
 */
export class CommonGround1795982000000 implements MigrationInterface {
  name = 'CommonGround1795982000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ideas
      ADD COLUMN common_ground double precision,
      ADD COLUMN common_ground_key double precision GENERATED ALWAYS AS (COALESCE(common_ground, -1e9)) STORED`);
    await runner.query(
      `CREATE INDEX ideas_common_ground_idx ON ideas (campaign_id, common_ground_key DESC, score DESC, created_at DESC, id DESC)
        WHERE visibility = 'VISIBLE' AND status <> 'WITHDRAWN'`,
    );
    await runner.query(`ALTER TABLE campaigns
      ADD COLUMN common_ground_votes text,
      ADD COLUMN common_ground_at timestamptz`);
    await runner.query(`CREATE TABLE open_data_keys (
      name text PRIMARY KEY,
      secret bytea NOT NULL CHECK (length(secret) >= 32),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE open_data_keys');
    await runner.query('ALTER TABLE campaigns DROP COLUMN common_ground_votes, DROP COLUMN common_ground_at');
    await runner.query('DROP INDEX ideas_common_ground_idx');
    await runner.query('ALTER TABLE ideas DROP COLUMN common_ground_key, DROP COLUMN common_ground');
  }
}
