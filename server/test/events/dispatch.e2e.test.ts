import { DatabaseService } from '../../src/database/database.service.js';
import { rows } from '../../src/database/sql.js';
import type { DomainEvent } from '../../src/events/domain-events.js';
import { EventDispatcher } from '../../src/events/event-dispatcher.service.js';
import { outboxRepository as outbox } from '../../src/events/outbox.repository.js';
import { JobQueueService } from '../../src/jobs/job-queue.service.js';
import { VotesService } from '../../src/modules/votes/votes.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, makeUser, viewerOf, type Personas } from '../support/factories.js';
import { waitFor } from '../support/wait.js';

/** The events part of /health. */
const healthOf = async (app: TestApp) =>
  (await (await fetch(`${app.url}/health`)).json()) as { events: { backlog: number; parked: number } };

const WORKER_CONFIG = { workers: true, events: { maxAttempts: 3, retrySeconds: 1 } };

/** Delivery through the job queue: retries, parking, order per aggregate, and two worker processes. */
describe('domain events are delivered after commit', () => {
  let t: TestApp;
  let second: TestApp;
  let p: Personas;

  beforeAll(async () => {
    t = await startTestApp({ config: WORKER_CONFIG });
    // A second process with its own workers on the same database.
    second = await startTestApp({ config: WORKER_CONFIG, databaseUrl: t.db.url });
    await Promise.all([t.app.get(JobQueueService).started(), second.app.get(JobQueueService).started()]);
    p = await makePersonas(t);
    await t.app.get(DatabaseService).dataSource.query('CREATE TABLE test_received (subscriber text, event_id bigint)');
  }, 60000);
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  /** A subscriber registered in both processes, writing each delivery it handles in its transaction. */
  async function subscribeEverywhere(name: string, handle?: (event: DomainEvent) => void) {
    for (const app of [t, second]) {
      await app.app.get(EventDispatcher).subscribe({
        name,
        types: ['IdeaSubmitted', 'IdeaVoted', 'ResponseOwed'],
        async handle(event, manager) {
          handle?.(event);
          await manager.query('INSERT INTO test_received (subscriber, event_id) VALUES ($1, $2)', [name, event.id]);
        },
      });
    }
  }

  const received = (subscriber: string) =>
    rows<{ event_id: string }>(
      t.app.get(DatabaseService).dataSource,
      'SELECT event_id::text FROM test_received WHERE subscriber = $1 ORDER BY ctid',
      [subscriber],
    ).then((found) => found.map((row) => row.event_id));

  const eventsOf = (aggregateId: string) =>
    rows<{ id: string }>(
      t.app.get(DatabaseService).dataSource,
      'SELECT id::text FROM domain_events WHERE aggregate_id = $1 ORDER BY id',
      [aggregateId],
    ).then((found) => found.map((row) => row.id));

  async function votesOn(count: number) {
    const campaign = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    const idea = await makeIdea(t, campaign, p.author);
    const voters = await Promise.all(Array.from({ length: count }, () => makeUser(t)));
    const votes = t.app.get(VotesService);
    for (const voter of voters) await votes.castVote(await viewerOf(t, voter), idea.id, 1);
    return idea;
  }

  it('two worker processes deliver each event once to each subscriber, in order per aggregate', async () => {
    await subscribeEverywhere('counter');
    const ideas = await Promise.all([votesOn(15), votesOn(15), votesOn(15)]);
    const expected = (await Promise.all(ideas.map((idea) => eventsOf(idea.id)))).flat();
    expect(expected).toHaveLength(48); // three submissions, 45 votes
    await waitFor('every delivery', async () => (await received('counter')).length >= expected.length, 20000);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // room for a duplicate to show
    const got = await received('counter');
    expect(got.length).toBe(expected.length);
    expect(new Set(got)).toEqual(new Set(expected));
    for (const idea of ideas) {
      const own = new Set(await eventsOf(idea.id));
      const order = got.filter((id) => own.has(id)).map(Number);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  }, 40000);

  it('a failing subscriber is retried with backoff while others go on; a poisoned event is parked, then retried', async () => {
    let flakyFailures = 0;
    let poisonOn: string | null = null;
    await subscribeEverywhere('steady');
    await subscribeEverywhere('flaky', () => {
      if (flakyFailures < 2) {
        flakyFailures++;
        throw new TypeError('receiver away');
      }
    });
    await subscribeEverywhere('poisoned', (event) => {
      if (event.id === poisonOn) throw new TypeError('cannot handle this one');
    });
    const campaign = await makeCampaign(t, p.agency);
    const start = Date.now();
    const idea = await makeIdea(t, campaign, p.author);
    [poisonOn] = await eventsOf(idea.id);
    const votes = t.app.get(VotesService);
    await votes.castVote(await viewerOf(t, p.citizen), idea.id, 1);
    const events = await eventsOf(idea.id);
    expect(events).toHaveLength(2);

    // The steady subscriber has both at once, before the flaky one's first retry is due.
    await waitFor('the steady subscriber', async () => (await received('steady')).length === 2, 10000);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(await received('flaky')).toEqual([]);

    // The flaky one, after two failed attempts, in order.
    await waitFor('the flaky subscriber', async () => (await received('flaky')).length === 2, 30000);
    expect(await received('flaky')).toEqual(events);
    const [attempts] = await rows<{ attempts: number }>(
      t.app.get(DatabaseService).dataSource,
      "SELECT attempts FROM event_deliveries WHERE subscriber = 'flaky' AND event_id = $1",
      [events[0]],
    );
    expect(attempts.attempts).toBe(3);

    // The poisoned event is parked after three attempts; the aggregate's next event still arrives.
    await waitFor('the event after the poisoned one', async () => (await received('poisoned')).length === 1, 30000);
    expect(await received('poisoned')).toEqual([events[1]]);
    const parked = await outbox.parked(t.app.get(DatabaseService).dataSource);
    expect(parked).toEqual([
      expect.objectContaining({
        subscriber: 'poisoned',
        eventId: events[0],
        attempts: 3,
        lastError: 'cannot handle this one',
      }),
    ]);
    const health = await healthOf(t);
    expect(health.events).toMatchObject({ parked: 1 });
    expect(t.logs.concat(second.logs).some((line) => line.includes('"event parked"'))).toBe(true);

    // Mended and retried: delivered once.
    poisonOn = null;
    expect(await outbox.retryParked(t.app.get(DatabaseService).dataSource, events[0], 'poisoned')).toBe(1);
    await waitFor('the retried event', async () => (await received('poisoned')).length === 2, 15000);
    expect(await received('poisoned')).toEqual([events[1], events[0]]);
    await waitFor('an empty backlog', async () => (await healthOf(t)).events.backlog === 0, 15000);
    expect((await healthOf(t)).events).toEqual({
      backlog: 0,
      parked: 0,
      oldestPendingSeconds: null,
    });
  }, 90000);
});
