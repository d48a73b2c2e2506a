import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountsAndAgencies1795975000000 implements MigrationInterface {
  name = 'CreateAccountsAndAgencies1795975000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
        role text NOT NULL DEFAULT 'CITIZEN' CHECK (role IN ('CITIZEN', 'MODERATOR', 'ADMIN')),
        email_verified boolean NOT NULL DEFAULT false,
        suspended_until timestamptz,
        suspension_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_key UNIQUE (email)
      )`);
    await runner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text,
        CONSTRAINT sessions_token_hash_key UNIQUE (token_hash)
      )`);
    await runner.query('CREATE INDEX sessions_user_id_idx ON sessions (user_id) WHERE revoked_at IS NULL');
    await runner.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
        slug citext NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agencies_slug_key UNIQUE (slug)
      )`);
    await runner.query(`
      CREATE TABLE agency_memberships (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OFFICIAL', 'AGENCY_ADMIN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, user_id)
      )`);
    await runner.query('CREATE INDEX agency_memberships_user_id_idx ON agency_memberships (user_id)');
    await runner.query(`
      CREATE TABLE rate_limit_counters (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        count integer NOT NULL CHECK (count >= 0)
      )`);
    await runner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        agency_id uuid REFERENCES agencies (id) ON DELETE SET NULL,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX audit_log_created_at_idx ON audit_log (created_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP TABLE rate_limit_counters');
    await runner.query('DROP TABLE agency_memberships');
    await runner.query('DROP TABLE agencies');
    await runner.query('DROP TABLE sessions');
    await runner.query('DROP TABLE users');
  }
}
