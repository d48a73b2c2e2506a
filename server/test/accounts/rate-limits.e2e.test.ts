import { RateLimitService } from '../../src/common/rate-limit/rate-limit.service.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeUser, outcome, PASSWORD } from '../support/factories.js';

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';

describe('failed sign-in limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: true } });
  });
  afterAll(() => t.close());

  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  it('never let a stranger lock the owner out: failures count per account and address', async () => {
    const person = await makeUser(t);
    for (let i = 0; i < 11; i++) {
      const result = await t.gql(
        SIGN_IN,
        { input: { email: person.email, password: `wrong guess ${i}` } },
        from('10.1.0.1'),
      );
      expect(outcome(result)).toBe(i < 10 ? 'UNAUTHENTICATED' : 'RATE_LIMITED');
    }
    // The address that guessed is refused, even with the right password, with retryAfterSeconds…
    const limited = await t.gql(
      SIGN_IN,
      { input: { email: person.email.toUpperCase(), password: PASSWORD } },
      from('10.1.0.1'),
    );
    expect(outcome(limited)).toBe('RATE_LIMITED');
    const retry = limited.errors![0]!.extensions!.retryAfterSeconds;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(limited.errors![0]!.message).not.toMatch(/password is not correct/);
    // …the owner, from an address that has not failed for the account, is not.
    expect(
      outcome(await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }, from('10.1.1.1'))),
    ).toBe('OK');
  });

  it('slow, never refuse, an account guessed at from many addresses', async () => {
    const person = await makeUser(t);
    for (let i = 0; i < 31; i++) {
      const result = await t.gql(
        SIGN_IN,
        { input: { email: person.email, password: `spread guess ${i}` } },
        from(`10.6.${Math.floor(i / 200)}.${i % 200}`),
      );
      expect(outcome(result)).toBe('UNAUTHENTICATED');
    }
    const started = Date.now();
    const owner = await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }, from('10.6.9.9'));
    expect(outcome(owner)).toBe('OK');
    // Past three times the limit, every attempt on the account waits (200 ms at the first step).
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('limit one address after 10 failures, whatever the accounts', async () => {
    for (let i = 0; i < 10; i++) {
      const result = await t.gql(
        SIGN_IN,
        { input: { email: `ghost-${i}@example.org`, password: 'wrong guess!' } },
        from('10.2.0.1'),
      );
      expect(outcome(result)).toBe('UNAUTHENTICATED');
    }
    const person = await makeUser(t);
    expect(
      outcome(await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }, from('10.2.0.1'))),
    ).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect(
      outcome(await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }, from('10.2.0.2'))),
    ).toBe('OK');
  });

  it('count 15 simultaneous requests exactly: no more than 10 get to try a password', async () => {
    const person = await makeUser(t);
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        t.gql(SIGN_IN, { input: { email: person.email, password: `parallel-${i}-guess` } }, from('10.4.0.1')),
      ),
    );
    expect(results.map(outcome).filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(results.map(outcome).filter((code) => code === 'RATE_LIMITED')).toHaveLength(5);
  });

  it('do not count successful sign-ins', async () => {
    const person = await makeUser(t);
    for (let i = 0; i < 12; i++) {
      expect(
        outcome(await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }, from('10.5.0.1'))),
      ).toBe('OK');
    }
  });
});

describe('the per-address operation limit', () => {
  it('counts root fields, aliases included, and answers RATE_LIMITED with HTTP 429', async () => {
    const t = await startTestApp({ config: { limits: { perMinute: 5 } } });
    try {
      const three = await t.gql('{ a: viewer { email } b: agencies { id } c: viewer { email } }');
      expect(three.errors).toBeUndefined();
      const two = await t.gql('{ a: agencies { id } b: agencies { id } }');
      expect(two.errors).toBeUndefined();
      const over = await t.gql('{ agencies { id } }');
      expect(over.status).toBe(429);
      expect(over.errors![0]!.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfterSeconds: expect.any(Number),
      });
      expect(over.data).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('counts fifteen aliased sign-ins as fifteen, before any of them runs', async () => {
    const t = await startTestApp({ config: { limits: { perMinute: 14 } } });
    try {
      const person = await makeUser(t);
      const fields = Array.from(
        { length: 15 },
        (_, i) => `a${i}: signIn(input: { email: "${person.email}", password: "guess-${i}-wrong" }) { token }`,
      );
      const result = await t.gql(`mutation { ${fields.join('\n')} }`);
      expect(result.status).toBe(429);
      expect(result.errors!.map((error) => error.extensions!.code)).toEqual(['RATE_LIMITED']);
      // None of them was tried: no failure was counted against the account.
      const counters = await t.app
        .get(DatabaseService)
        .dataSource.query('SELECT count FROM rate_limit_counters WHERE key = $1', [`signin:account:${person.email}`]);
      expect(counters).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('rate-limit counters', () => {
  it('are pruned once their window is long over, so the table does not grow without end', async () => {
    const t = await startTestApp();
    try {
      const limits = t.app.get(RateLimitService);
      await limits.hit('test:old', 60);
      await limits.hit('test:recent', 60);
      const db = t.app.get(DatabaseService).dataSource;
      await db.query("UPDATE rate_limit_counters SET window_start = now() - interval '2 days' WHERE key = 'test:old'");
      expect(await limits.prune()).toBe(1);
      const keys = await db.query("SELECT key FROM rate_limit_counters WHERE key LIKE 'test:%'");
      expect(keys).toEqual([{ key: 'test:recent' }]);
    } finally {
      await t.close();
    }
  });
});

describe('sign-ups per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: true, limits: { signupsPerHour: 3 } } });
  });
  afterAll(() => t.close());

  const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }';
  const signUp = (ip: string, email: string, password = PASSWORD) =>
    t.gql(SIGN_UP, { input: { email, password, displayName: 'New person' } }, { headers: { 'x-forwarded-for': ip } });

  it('allow SIGNUPS_PER_HOUR accounts from one address, refused input not counted, then RATE_LIMITED', async () => {
    expect(outcome(await signUp('10.7.0.1', 'not-an-address'))).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 3; i++) expect(outcome(await signUp('10.7.0.1', `signup-${i}@example.org`))).toBe('OK');
    const fourth = await signUp('10.7.0.1', 'signup-3@example.org');
    expect(outcome(fourth)).toBe('RATE_LIMITED');
    expect(fourth.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(3000);
    expect(outcome(await signUp('10.7.0.2', 'signup-4@example.org'))).toBe('OK');
  });

  it('refuse a document of aliased sign-ups over the allowance whole: no account is made', async () => {
    const fields = [0, 1, 2, 3].map(
      (i) =>
        `a${i}: signUp(input: { email: "alias-${i}@example.org", password: "${PASSWORD}", displayName: "Alias" }) { token }`,
    );
    const result = await t.gql(`mutation { ${fields.join(' ')} }`, {}, { headers: { 'x-forwarded-for': '10.7.0.3' } });
    expect(result.status).toBe(429);
    expect(result.errors!.map((error) => error.extensions!.code)).toEqual(['RATE_LIMITED']);
    const made = await t.app
      .get(DatabaseService)
      .dataSource.query("SELECT count(*)::int AS n FROM users WHERE email LIKE 'alias-%'");
    expect(made).toEqual([{ n: 0 }]);
    // What was reserved for the refused document is not used up.
    expect(outcome(await signUp('10.7.0.3', 'after-alias@example.org'))).toBe('OK');
  });
});

describe('wrong current passwords on changePassword', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { limits: { signInFailures: 3 } } });
  });
  afterAll(() => t.close());

  const CHANGE = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';

  it('are limited like sign-in failures, and past the limit the session ends', async () => {
    const person = await makeUser(t);
    const change = (currentPassword: string) =>
      t.gql(CHANGE, { input: { currentPassword, newPassword: 'a brand new passphrase' } }, { token: person.token });
    for (let i = 0; i < 3; i++) expect(outcome(await change(`wrong current ${i}`))).toBe('BAD_USER_INPUT');
    expect(outcome(await change('wrong current 4'))).toBe('RATE_LIMITED');
    const viewer = await t.gql('{ viewer { email } }', {}, { token: person.token });
    expect(viewer.data!.viewer).toBeNull();
    // The owner signs in again as usual.
    const again = await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    expect(outcome(again)).toBe('OK');
  });

  it('do not count a right current password', async () => {
    const person = await makeUser(t);
    let token = person.token;
    let password = PASSWORD;
    for (let i = 0; i < 5; i++) {
      const next = `another fine passphrase ${i}`;
      const result = await t.gql(CHANGE, { input: { currentPassword: password, newPassword: next } }, { token });
      expect(outcome(result)).toBe('OK');
      token = result.data!.changePassword.token;
      password = next;
    }
  });
});
