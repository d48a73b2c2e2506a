import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens: an app acts for a person without their password. Only the SHA-256 of a token is
 * kept; READ tokens run queries only, WRITE tokens also take part (ideas, votes, comments, follows).
 */
export class ApiTokens1795988000000 implements MigrationInterface {
  name = 'ApiTokens1795988000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        scope text NOT NULL CHECK (scope IN ('READ', 'WRITE')),
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_used_at timestamptz(3),
        expires_at timestamptz(3),
        revoked_at timestamptz(3)
      )`);
    await runner.query('CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE api_tokens');
  }
}
