import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail and identity. `outgoing_mail`: every message the product sends, queued in the transaction that
 * asks for it and sent by the job queue; its bodies are cleared once it is sent or has failed (they may
 * carry a link's token), except where mail is kept for /dev/mail. `account_tokens`: the tokens of emailed
 * links (verification, password reset), stored as their SHA-256 only, single use. People get a language
 * (en, es) for their mail; campaigns may take part only from verified addresses.
 */
export class MailAndIdentity1795984000000 implements MigrationInterface {
  name = 'MailAndIdentity1795984000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'))",
    );
    await runner.query('ALTER TABLE campaigns ADD COLUMN require_verified_email boolean NOT NULL DEFAULT false');
    await runner.query(`CREATE TABLE outgoing_mail (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      to_address citext NOT NULL,
      kind text NOT NULL,
      language text NOT NULL,
      subject text NOT NULL,
      text_body text,
      html_body text,
      message_id text NOT NULL,
      status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`);
    await runner.query('CREATE INDEX outgoing_mail_created_idx ON outgoing_mail (created_at DESC, id DESC)');
    await runner.query(
      "CREATE INDEX outgoing_mail_failed_idx ON outgoing_mail (created_at DESC) WHERE status = 'FAILED'",
    );
    await runner.query(`CREATE TABLE account_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
      token_hash bytea NOT NULL UNIQUE,
      email citext NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE account_tokens');
    await runner.query('DROP TABLE outgoing_mail');
    await runner.query('ALTER TABLE campaigns DROP COLUMN require_verified_email');
    await runner.query('ALTER TABLE users DROP COLUMN language');
  }
}
