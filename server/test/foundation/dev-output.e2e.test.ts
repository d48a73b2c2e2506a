import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { waitFor } from '../support/wait.js';

/** What a developer reads in the terminal: readable lines in development, JSON in production, a clear stop. */
describe('the server’s own output', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const run = (env: Record<string, string>) =>
    startServerProcess({ DATABASE_URL: db.url, LOG_LEVEL: 'info', WORKERS: 'false', ...env });
  const refusedRequest = (server: ServerProcess) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ idea(id: "nope") { id } } ' }),
    });

  it('in development: quiet about requests that went well, readable lines, the banner, a last word', async () => {
    const server = await run({ NODE_ENV: 'development' });
    await refusedRequest(server);
    await fetch(`${server.url}/no-such-api`, { headers: { accept: 'application/json' } });
    await server.stop();
    const lines = server.output().split('\n');
    const banner = lines.findIndex((line) => line.startsWith('Consulta is running at http://'));
    expect(banner).toBeGreaterThan(-1);
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^\d\d:\d\d:\d\d info {2}Consulta is listening url=http:\/\//));
    // Requests that went well are not logged (at debug only); a refused one is, in one line.
    expect(lines.filter((line) => line.includes('request completed') && line.includes('status=200'))).toEqual([]);
    expect(lines.slice(banner)).toContain('Consulta stopped.');
    expect(lines.at(-2)).toBe('Consulta stopped.');
  }, 60000);

  it('in production: one JSON object per line, for the log collector', async () => {
    const server = await run({ NODE_ENV: 'production', HOST: '127.0.0.1', SMTP_URL: 'smtp://127.0.0.1:2525' });
    await refusedRequest(server);
    await waitFor('a log line', async () => server.output().includes('"msg":"Consulta is listening"'));
    await server.stop();
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => /^\d\d:\d\d:\d\d /.test(line) || line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
  }, 60000);
});
