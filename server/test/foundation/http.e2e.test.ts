import { startTestApp, type TestApp } from '../support/app.js';

describe('HTTP and GraphQL plumbing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health with 200 and JSON while the database is up', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      events: { backlog: 0, parked: 0, oldestPendingSeconds: null },
    });
  });

  it('serves GraphQL at /graphql', async () => {
    const result = await t.gql('{ __typename }');
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('sends security headers', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('gives every request an id, echoes a sane client one, and logs it as JSON', async () => {
    const generated = await fetch(`${t.url}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'client-chosen-id-1' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-chosen-id-1');
    const hostile = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'bad id"\\' } });
    expect(hostile.headers.get('x-request-id')).not.toContain('"');
    const line = t.logs.map((l) => JSON.parse(l)).find((entry) => entry.requestId === 'client-chosen-id-1');
    expect(line).toMatchObject({ level: 'info', msg: 'request completed', status: 200, url: '/health' });
  });

  it('refuses a text/plain POST (CSRF prevention)', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown };
    expect(body.data).toBeUndefined();
  });

  it('answers 413 to a body over 1 MB', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('maps invalid documents to BAD_USER_INPUT without internals', async () => {
    const result = await t.gql('{ noSuchField }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('treats malformed global IDs as not found', async () => {
    for (const id of ['', 'abc', '%%%', Buffer.from('User:not-a-uuid').toString('base64url')]) {
      const result = await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ node: null });
    }
  });
});
