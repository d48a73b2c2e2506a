import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log by actor: what one person did, newest first (the log's person filter), and the people who
 * appear in it, found by skipping from one actor to the next instead of reading every entry.
 */
export class AuditLogByActor1795991000000 implements MigrationInterface {
  name = 'AuditLogByActor1795991000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC, id DESC) WHERE actor_id IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX audit_log_actor_idx');
  }
}
