import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person may change their address (a link mailed to the new one: CHANGE_EMAIL tokens) and delete their
 * account: the row stays, emptied of personal data (`deleted_at`), so their votes still count and their
 * ideas and comments stay, without an author.
 */
export class EmailChangeAndDeletion1795986000000 implements MigrationInterface {
  name = 'EmailChangeAndDeletion1795986000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users ADD COLUMN deleted_at timestamptz');
    await runner.query('ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check');
    await runner.query(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
         CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM account_tokens WHERE purpose = 'CHANGE_EMAIL'");
    await runner.query('ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check');
    await runner.query(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
         CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD'))`,
    );
    await runner.query('ALTER TABLE users DROP COLUMN deleted_at');
  }
}
