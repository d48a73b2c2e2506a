import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/database.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/wait.js';

async function healthStatus(t: TestApp): Promise<number> {
  return (await fetch(`${t.url}/health`)).status;
}

describe('when PostgreSQL goes away', () => {
  it('answers 503 on /health, keeps running, and recovers when the database returns', async () => {
    const db = await createTestDatabase();
    const proxy = await TcpProxy.reserve(db.url);
    await proxy.up();
    const t = await startTestApp({ databaseUrl: proxy.rewrite(db.url) });
    try {
      expect(await healthStatus(t)).toBe(200);

      await proxy.down();
      await waitFor('health to report the outage', async () => (await healthStatus(t)) === 503);
      const body = await (await fetch(`${t.url}/health`)).json();
      expect(body).toEqual({ status: 'unavailable', database: 'down' });
      const during = await t.gql('{ __typename }');
      expect(during.data).toEqual({ __typename: 'Query' });
      // A query that reads the database while it is away: the same retryable error, as HTTP 503.
      const reading = await t.gql('{ agencies { id } }');
      expect(reading.status).toBe(503);
      expect(reading.headers.get('retry-after')).toBe('5');
      expect(reading.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true });
      // A signed-in request needs its session read: a clear, retryable error naming the request.
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${'a'.repeat(43)}` },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
      const requestId = response.headers.get('x-request-id');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const answer: any = await response.json();
      const [error] = answer.errors;
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', retryable: true, requestId });
      expect(error.message).toMatch(/temporarily unavailable/);
      const line = t.logs
        .map((l) => JSON.parse(l))
        .find((entry) => entry.msg === 'database unavailable during request' && entry.requestId === requestId);
      expect(line).toMatchObject({ requestId, level: 'warn' });

      await proxy.up();
      await waitFor('health to recover', async () => (await healthStatus(t)) === 200);
    } finally {
      await t.close();
      await proxy.down();
      await db.drop();
    }
  });

  it('starts while the database is down, retries, and becomes ready when it comes back', async () => {
    const db = await createTestDatabase({ empty: true });
    const proxy = await TcpProxy.reserve(db.url);
    const t = await startTestApp({ databaseUrl: proxy.rewrite(db.url), waitForDatabase: false });
    try {
      expect(await healthStatus(t)).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await healthStatus(t)).toBe(503);
      expect(t.logs.some((line) => line.includes('database not reachable, retrying'))).toBe(true);

      await proxy.up();
      await t.app.get(DatabaseService).whenReady();
      expect(await healthStatus(t)).toBe(200);
      const [{ count }] = await t.app
        .get(DatabaseService)
        .dataSource.query('SELECT count(*)::int AS count FROM migrations');
      expect(count).toBeGreaterThan(0);
    } finally {
      await t.close();
      await proxy.down();
      await db.drop();
    }
  });
});
