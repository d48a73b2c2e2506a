import type { AppConfig } from '../../src/config/config.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeUser, outcome, PASSWORD } from '../support/factories.js';
import { Nginx, postFrom } from '../support/nginx.js';

const AGENCIES = '{ agencies { id } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';

/** An app with these settings behind Debian's nginx, for the describe block it is called in. */
function behindNginx(trustProxy: AppConfig['trustProxy'], perMinute: number) {
  const parts = {} as { t: TestApp; nginx: Nginx };
  beforeAll(async () => {
    parts.t = await startTestApp({ config: { trustProxy, limits: { perMinute } } });
    parts.nginx = await Nginx.start(Number(new URL(parts.t.url).port));
  });
  afterAll(async () => {
    await parts.nginx.stop();
    await parts.t.close();
  });
  return parts;
}

/** The addresses the per-address limit has counted requests for. */
async function countedAddresses(t: TestApp): Promise<string[]> {
  const rows: Array<{ key: string }> = await t.app
    .get(DatabaseService)
    .dataSource.query("SELECT key FROM rate_limit_counters WHERE key LIKE 'api:ip:%' ORDER BY key");
  return rows.map((row) => row.key.slice('api:ip:'.length));
}

const code = (result: { body: { errors?: Array<{ extensions?: Record<string, any> }> } }) => outcome(result.body);

describe('behind the bundled nginx with TRUST_PROXY=1', () => {
  const parts = behindNginx(1, 2);

  it('gives each client its own per-address limit', async () => {
    expect(code(await postFrom('127.0.0.2', parts.nginx.url, AGENCIES))).toBe('OK');
    expect(code(await postFrom('127.0.0.2', parts.nginx.url, AGENCIES))).toBe('OK');
    const third = await postFrom('127.0.0.2', parts.nginx.url, AGENCIES);
    expect(third.status).toBe(429);
    expect(code(third)).toBe('RATE_LIMITED');
    // Another client behind the same proxy is not affected.
    expect(code(await postFrom('127.0.0.3', parts.nginx.url, AGENCIES))).toBe('OK');
    expect(await countedAddresses(parts.t)).toEqual(['127.0.0.2', '127.0.0.3']);
  });

  it('cannot be fooled by a client that sends its own X-Forwarded-For through the proxy', async () => {
    const spoofed = await postFrom('127.0.0.4', parts.nginx.url, AGENCIES, {}, { 'x-forwarded-for': '10.9.9.9' });
    expect(code(spoofed)).toBe('OK');
    const counted = await countedAddresses(parts.t);
    expect(counted).toContain('127.0.0.4');
    expect(counted).not.toContain('10.9.9.9');
  });
});

describe('failed sign-ins behind the bundled nginx', () => {
  const parts = behindNginx(1, 0);

  it('from one client do not stop another client signing in', async () => {
    const person = await makeUser(parts.t);
    for (let i = 0; i < 11; i++) {
      await postFrom('127.0.0.5', parts.nginx.url, SIGN_IN, {
        input: { email: `nobody-${i}@example.org`, password: 'wrong guess' },
      });
    }
    const limited = await postFrom('127.0.0.5', parts.nginx.url, SIGN_IN, {
      input: { email: person.email, password: PASSWORD },
    });
    expect(code(limited)).toBe('RATE_LIMITED');
    const other = await postFrom('127.0.0.6', parts.nginx.url, SIGN_IN, {
      input: { email: person.email, password: PASSWORD },
    });
    expect(code(other)).toBe('OK');
  });
});

describe('TRUST_PROXY as a list of proxy addresses', () => {
  const parts = behindNginx(['127.0.0.1'], 100);

  it('believes the listed proxy, and nobody else', async () => {
    expect(code(await postFrom('127.0.0.7', parts.nginx.url, AGENCIES))).toBe('OK');
    // Straight to the API from an address that is not a listed proxy: its forwarded header is ignored.
    const direct = await postFrom('127.0.0.8', parts.t.url, AGENCIES, {}, { 'x-forwarded-for': '10.9.9.8' });
    expect(code(direct)).toBe('OK');
    expect(await countedAddresses(parts.t)).toEqual(['127.0.0.7', '127.0.0.8']);
  });
});

describe('without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: false, limits: { perMinute: 2 } } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: a client cannot take a fresh address per request', async () => {
    for (const forged of ['10.0.0.1', '10.0.0.2']) {
      expect(code(await postFrom('127.0.0.9', t.url, AGENCIES, {}, { 'x-forwarded-for': forged }))).toBe('OK');
    }
    const third = await postFrom('127.0.0.9', t.url, AGENCIES, {}, { 'x-forwarded-for': '10.0.0.3' });
    expect(code(third)).toBe('RATE_LIMITED');
    expect(await countedAddresses(t)).toEqual(['127.0.0.9']);
  });
});
