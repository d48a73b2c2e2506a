import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Display names are limited to 80 characters as readers count them (graphemes, by the shared rule the API
 * applies); an emoji with modifiers is one of them but several code points. The database keeps a bound
 * against abuse in code points (8 per grapheme) instead of the 80 code points it checked before.
 */
export class DisplayNamesInGraphemes1795981000000 implements MigrationInterface {
  name = 'DisplayNamesInGraphemes1795981000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP CONSTRAINT users_display_name_check');
    await runner.query(
      'ALTER TABLE users ADD CONSTRAINT users_display_name_check CHECK (length(display_name) BETWEEN 1 AND 640)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP CONSTRAINT users_display_name_check');
    await runner.query(
      'ALTER TABLE users ADD CONSTRAINT users_display_name_check CHECK (length(display_name) BETWEEN 1 AND 80) NOT VALID',
    );
  }
}
