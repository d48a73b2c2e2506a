import { randomUUID } from 'node:crypto';
import { LeasedCounters } from '../../src/common/rate-limit/leased-counters.js';
import { RateLimitService } from '../../src/common/rate-limit/rate-limit.service.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** The shared counter itself, as PostgreSQL holds it. */
async function stored(t: TestApp, key: string): Promise<number> {
  const rows = await t.app
    .get(DatabaseService)
    .dataSource.query('SELECT count FROM rate_limit_counters WHERE key = $1', [key]);
  return rows[0]?.count ?? 0;
}

describe('per-request limits claimed in blocks', () => {
  let t: TestApp;
  let claims: number;
  let counters: RateLimitService;
  beforeAll(async () => {
    t = await startTestApp();
    const service = t.app.get(RateLimitService);
    // The real service, with its statements counted.
    counters = Object.create(service) as RateLimitService;
    counters.hit = (...args) => {
      claims++;
      return service.hit(...args);
    };
  });
  beforeEach(() => {
    claims = 0;
  });
  afterAll(() => t.close());

  const takeAll = (processes: LeasedCounters[], key: string, limit: number, requests: number, units = 1) =>
    Promise.all(Array.from({ length: requests }, (_, i) => processes[i % processes.length]!.take(key, limit, units)));

  it('let two processes together through no more than the limit, and refuse only past it', async () => {
    const key = `test:lease:${randomUUID()}`;
    const processes = [new LeasedCounters(counters, 60), new LeasedCounters(counters, 60)];
    const results = await takeAll(processes, key, 1000, 1500);
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeLessThanOrEqual(1000);
    // Units one process claimed and did not use can refuse the other's requests only by a few.
    expect(allowed).toBeGreaterThanOrEqual(1000 - processes.length);
    expect(await stored(t, key)).toBeGreaterThan(1000);
    const refused = results.find((r) => !r.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
  });

  it('count a busy address in blocks: far fewer statements than requests, every request in the count', async () => {
    const key = `test:lease:${randomUUID()}`;
    const process = new LeasedCounters(counters, 60);
    for (let i = 0; i < 500; i++) expect((await process.take(key, 600_000, 1)).allowed).toBe(true);
    expect(claims).toBeLessThan(20);
    // Claimed ahead, never behind: the shared count holds every request, and at most one block more.
    const count = await stored(t, key);
    expect(count).toBeGreaterThanOrEqual(500);
    expect(count).toBeLessThanOrEqual(500 + Math.ceil(600_000 / 64));
  });

  it('stay exact for a small limit: one unit at a time, the request over it refused', async () => {
    const key = `test:lease:${randomUUID()}`;
    const processes = [new LeasedCounters(counters, 60), new LeasedCounters(counters, 60)];
    const results = await takeAll(processes, key, 12, 16);
    expect(results.filter((r) => r.allowed)).toHaveLength(12);
    expect(await stored(t, key)).toBe(16);
  });

  it('take a request of several root fields whole, or refuse it whole', async () => {
    const key = `test:lease:${randomUUID()}`;
    const process = new LeasedCounters(counters, 60);
    expect(await process.take(key, 10, 6)).toEqual({ allowed: true });
    expect((await process.take(key, 10, 6)).allowed).toBe(false);
    expect(await process.take(key, 10, 4)).toEqual({ allowed: true });
  });
});
