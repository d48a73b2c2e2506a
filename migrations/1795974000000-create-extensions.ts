import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExtensions1795974000000 implements MigrationInterface {
  name = 'CreateExtensions1795974000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS citext');
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP EXTENSION IF EXISTS pg_trgm');
    await runner.query('DROP EXTENSION IF EXISTS citext');
  }
}
