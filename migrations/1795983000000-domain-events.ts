import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox (server/src/events): each domain event is written in the same transaction as
 * the change it tells of. `relayed_at` is set when the relay has queued its deliveries; each subscriber's
 * delivery of each event is one row of `event_deliveries` (its ledger: pending, delivered or parked).
 */
export class DomainEvents1795983000000 implements MigrationInterface {
  name = 'DomainEvents1795983000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE domain_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL,
      aggregate_type text NOT NULL,
      aggregate_id uuid NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL DEFAULT now(),
      relayed_at timestamptz
    )`);
    await runner.query('CREATE INDEX domain_events_unrelayed_idx ON domain_events (id) WHERE relayed_at IS NULL');
    await runner.query('CREATE INDEX domain_events_aggregate_idx ON domain_events (aggregate_id, type, id)');
    await runner.query('CREATE INDEX domain_events_occurred_idx ON domain_events (occurred_at)');
    await runner.query(`CREATE TABLE event_deliveries (
      subscriber text NOT NULL,
      event_id bigint NOT NULL REFERENCES domain_events (id) ON DELETE CASCADE,
      aggregate_id uuid NOT NULL,
      state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subscriber, event_id)
    )`);
    await runner.query(
      `CREATE INDEX event_deliveries_pending_idx ON event_deliveries (subscriber, aggregate_id, event_id)
        WHERE state = 'PENDING'`,
    );
    await runner.query(
      "CREATE INDEX event_deliveries_parked_idx ON event_deliveries (event_id) WHERE state = 'PARKED'",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_deliveries');
    await runner.query('DROP TABLE domain_events');
  }
}
