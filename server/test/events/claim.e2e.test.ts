import type { QueryRunner } from 'typeorm';
import { DatabaseService } from '../../src/database/database.service.js';
import { one } from '../../src/database/sql.js';
import { outboxRepository as outbox } from '../../src/events/outbox.repository.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** How many entries scans of the unrelayed index have read so far (flushed by the session that scanned). */
const entriesRead = async (runner: QueryRunner) =>
  Number(
    (await one<{ n: string }>(
      runner.manager,
      "SELECT idx_tup_read::text AS n FROM pg_stat_user_indexes WHERE indexrelname = 'domain_events_unrelayed_idx'",
    ))!.n,
  );

/** The relay's claim reads the unrelayed index in order, so events relayed before are not read again. */
describe('claiming events to relay', () => {
  let t: TestApp;
  let runner: QueryRunner;

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(DatabaseService).dataSource.createQueryRunner();
    await runner.connect();
  }, 60000);
  afterAll(async () => {
    await runner.release();
    await t.close();
  });

  const record = (count: number) =>
    runner.query(
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id)
       SELECT 'IdeaVoted', 'idea', gen_random_uuid() FROM generate_series(1, $1)`,
      [count],
    );
  const claim = async (limit: number) => {
    await runner.startTransaction();
    const claimed = await outbox.claimUnrelayed(runner.manager, limit);
    await runner.commitTransaction();
    return claimed;
  };

  it('claims the oldest unrelayed events, at most the batch, and skips the events relayed before it', async () => {
    // Statistics taken while the table was all but empty, as after a deployment's first ANALYZE: PostgreSQL
    // then expects a handful of unrelayed rows, and a bitmap scan and a sort for them.
    await runner.query('ANALYZE domain_events');
    await record(3000);
    expect(await claim(5000)).toHaveLength(3000);
    // The claim after a relay finds the relayed events' entries dead and marks them so.
    expect(await claim(5000)).toHaveLength(0);

    await record(5);
    await runner.query('SELECT pg_stat_force_next_flush()');
    const before = await entriesRead(runner);
    await runner.query('SELECT pg_stat_force_next_flush()');
    const claimed = await claim(500);
    await runner.query('SELECT pg_stat_force_next_flush()');
    const read = (await entriesRead(runner)) - before;

    const newest = await runner.query('SELECT e.id::text FROM domain_events e ORDER BY e.id DESC LIMIT 5');
    expect(claimed.map((event) => String(event.id)).sort()).toEqual(newest.map((row: { id: string }) => row.id).sort());
    // The 3,000 entries of relayed events were marked dead by the claim that passed them; a bitmap scan
    // reads every one of them again, claim after claim, until the table is vacuumed.
    expect(read).toBeLessThan(100);
    expect(await claim(500)).toHaveLength(0);
    await record(4);
    expect(await claim(3)).toHaveLength(3);
    expect(await claim(3)).toHaveLength(1);
  });
});
