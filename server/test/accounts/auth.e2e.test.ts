import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeUser, outcome, PASSWORD } from '../support/factories.js';

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { token viewer { email emailVerified suspendedUntil user { id displayName role } memberships { role } } }
}`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token viewer { email user { displayName } } } }`;
const VIEWER = '{ viewer { email user { id displayName } } }';

describe('accounts and sessions', () => {
  let t: TestApp;
  let seq = 0;
  const email = () => `new-${Date.now()}-${seq++}@example.org`;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('signUp', () => {
    it('creates a citizen, stores an argon2id hash, and signs them in', async () => {
      const address = email();
      const result = await t.gql(SIGN_UP, {
        input: { email: address, password: PASSWORD, displayName: ' Rosa Parks ' },
      });
      expect(result.errors).toBeUndefined();
      const payload = result.data!.signUp;
      expect(payload.viewer).toMatchObject({
        email: address,
        emailVerified: false,
        suspendedUntil: null,
        user: { displayName: 'Rosa Parks', role: 'CITIZEN' },
        memberships: [],
      });
      expect(payload.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await t.app
        .get(DatabaseService)
        .dataSource.query('SELECT password_hash FROM users WHERE email = $1', [address]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
      const me = await t.gql(VIEWER, {}, { token: payload.token });
      expect(me.data!.viewer.email).toBe(address);
    });

    it('keeps only a hash of the session token', async () => {
      const result = await t.gql(SIGN_UP, { input: { email: email(), password: PASSWORD, displayName: 'Hash Check' } });
      const token: string = result.data!.signUp.token;
      const rows = await t.app
        .get(DatabaseService)
        .dataSource.query("SELECT encode(token_hash, 'hex') AS hash FROM sessions");
      expect(rows.some((r: { hash: string }) => r.hash.includes(Buffer.from(token).toString('hex')))).toBe(false);
      expect(rows.every((r: { hash: string }) => r.hash.length === 64)).toBe(true);
    });

    it('refuses an email already taken, whatever its case (CONFLICT)', async () => {
      const address = email();
      await t.gql(SIGN_UP, { input: { email: address, password: PASSWORD, displayName: 'First' } });
      const again = await t.gql(SIGN_UP, {
        input: { email: address.toUpperCase(), password: PASSWORD, displayName: 'Second' },
      });
      expect(outcome(again)).toBe('CONFLICT');
      // In words beside the field, with the key that lets a client say it in its reader's language.
      expect(again.errors![0]!.extensions).toMatchObject({
        fields: { email: expect.stringContaining('An account already uses this email address') },
        fieldKeys: { email: { key: 'emailTaken' } },
      });
    });

    it('lets exactly one of many simultaneous sign-ups with one email through', async () => {
      const address = email();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.gql(SIGN_UP, {
            input: { email: i % 2 ? address : address.toUpperCase(), password: PASSWORD, displayName: `Racer ${i}` },
          }),
        ),
      );
      expect(results.map(outcome).sort()).toEqual([
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'OK',
      ]);
      const [{ n }] = await t.app
        .get(DatabaseService)
        .dataSource.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [address]);
      expect(n).toBe(1);
    });

    it.each([
      [{ password: 'short' }, 'password', /at least 10|10 to 128/],
      [{ password: 'x'.repeat(129) }, 'password', /128/],
      [{ password: '1234567890' }, 'password', /too common/],
      [{ password: 'qwertyuiopasdf' }, 'password', /too common/],
      [{ password: 'aaaaaaaaaaaa' }, 'password', /too common/],
      [{ email: 'not-an-email' }, 'email', /valid email/],
      [{ displayName: '' }, 'displayName', /1 to 80/],
      [{ displayName: 'x'.repeat(81) }, 'displayName', /1 to 80/],
    ])('refuses %p with a message on the field', async (change, field, message) => {
      const input = { email: email(), password: PASSWORD, displayName: 'Valid Name', ...change };
      const result = await t.gql(SIGN_UP, { input });
      expect(outcome(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fields[field]).toMatch(message);
    });

    it('refuses a password made of the person’s own email or name', async () => {
      const result = await t.gql(SIGN_UP, {
        input: {
          email: 'margarethamilton@example.org',
          password: 'margarethamilton',
          displayName: 'Margaret Hamilton',
        },
      });
      expect(result.errors![0]!.extensions!.fields.password).toMatch(/email address or name/);
    });

    it('accepts long passphrases with any characters and no composition rules', async () => {
      const result = await t.gql(SIGN_UP, {
        input: { email: email(), password: 'ñandú bajo la lluvia de otoño 🌧️', displayName: 'Passphrase' },
      });
      expect(outcome(result)).toBe('OK');
    });

    it('refuses text with NUL characters or broken UTF-16 as BAD_USER_INPUT', async () => {
      for (const displayName of ['Bad\u0000Name', 'Bad\ud800Name']) {
        const result = await t.gql(SIGN_UP, { input: { email: email(), password: PASSWORD, displayName } });
        expect(outcome(result)).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('signIn', () => {
    it('signs in whatever the email case, and sets an HttpOnly, SameSite=Lax cookie', async () => {
      const person = await makeUser(t, { name: 'Cookie Person' });
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: SIGN_IN,
          variables: { input: { email: person.email.toUpperCase(), password: PASSWORD } },
        }),
      });
      const body = (await response.json()) as { data: { signIn: { token: string } } };
      expect(body.data.signIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toContain(`consulta_session=${body.data.signIn.token}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/); // local development and tests; production adds it (see below)

      const viaCookie = await t.gql(VIEWER, {}, { headers: { cookie: `consulta_session=${body.data.signIn.token}` } });
      expect(viaCookie.data!.viewer.email).toBe(person.email);
    });

    it('fails the same way for an unknown email and a wrong password', async () => {
      const person = await makeUser(t);
      const wrong = await t.gql(SIGN_IN, { input: { email: person.email, password: 'not the password' } });
      const unknown = await t.gql(SIGN_IN, {
        input: { email: 'nobody-here@example.org', password: 'not the password' },
      });
      expect(outcome(wrong)).toBe('UNAUTHENTICATED');
      expect(outcome(unknown)).toBe('UNAUTHENTICATED');
      expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    });
  });

  describe('sessions', () => {
    it('treats a garbage token as signed out, never an error', async () => {
      for (const token of ['garbage', 'x'.repeat(43), '', 'ÿ'.repeat(43), 'a.b.c']) {
        const result = await t.gql(VIEWER, {}, { headers: { authorization: `Bearer ${token}` } });
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual({ viewer: null });
      }
      const cookie = await t.gql(VIEWER, {}, { headers: { cookie: 'consulta_session=%%%; other=1' } });
      expect(cookie.data).toEqual({ viewer: null });
    });

    it('ends at the absolute expiry and after the idle limit', async () => {
      const expired = await makeUser(t);
      const idle = await makeUser(t);
      const db = t.app.get(DatabaseService).dataSource;
      await db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [
        expired.user.id,
      ]);
      await db.query("UPDATE sessions SET last_seen_at = now() - interval '8 days' WHERE user_id = $1", [idle.user.id]);
      expect((await t.gql(VIEWER, {}, { token: expired.token })).data).toEqual({ viewer: null });
      expect((await t.gql(VIEWER, {}, { token: idle.token })).data).toEqual({ viewer: null });
    });

    it('reuses a session for reads a moment, but a write reads it afresh and a revoked one cannot write', async () => {
      const person = await makeUser(t);
      const db = t.app.get(DatabaseService).dataSource;
      expect((await t.gql(VIEWER, {}, { token: person.token })).data!.viewer.email).toBe(person.email);
      // Revoked in the database behind this process's back, as another API process would do it.
      await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [person.user.id]);
      const read = await t.gql(VIEWER, {}, { token: person.token });
      expect(read.data!.viewer.email).toBe(person.email);
      const write = await t.gql(
        'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
        { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } },
        { token: person.token },
      );
      expect(outcome(write)).toBe('UNAUTHENTICATED');
      // The write's fresh lookup also dropped the cached session.
      expect((await t.gql(VIEWER, {}, { token: person.token })).data).toEqual({ viewer: null });
    });

    it('signOut revokes the session server-side and clears the cookie', async () => {
      const person = await makeUser(t);
      const other = await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` },
        body: JSON.stringify({ query: 'mutation { signOut }' }),
      });
      expect(await response.json()).toEqual({ data: { signOut: true } });
      expect(response.headers.get('set-cookie')).toMatch(/consulta_session=;.*Max-Age=0/);
      expect((await t.gql(VIEWER, {}, { token: person.token })).data).toEqual({ viewer: null });
      // Only that session: the same person's other session lives on.
      expect((await t.gql(VIEWER, {}, { token: other.data!.signIn.token })).data!.viewer.email).toBe(person.email);
      // Signing out again, or while signed out, is harmless.
      expect((await t.gql('mutation { signOut }', {}, { token: person.token })).data).toEqual({ signOut: false });
      expect((await t.gql('mutation { signOut }')).data).toEqual({ signOut: false });
    });

    it('changePassword ends every session and opens a new one', async () => {
      const person = await makeUser(t);
      const second = (await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } })).data!.signIn.token;
      const CHANGE = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';

      const wrong = await t.gql(
        CHANGE,
        { input: { currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase' } },
        { token: person.token },
      );
      expect(wrong.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { currentPassword: expect.any(String) },
      });
      const weak = await t.gql(
        CHANGE,
        { input: { currentPassword: PASSWORD, newPassword: 'password1234' } },
        { token: person.token },
      );
      expect(weak.errors![0]!.extensions!.fields.newPassword).toMatch(/too common/);
      expect(weak.errors![0]!.extensions!.fieldKeys).toEqual({ newPassword: { key: 'passwordCommon' } });
      expect(
        outcome(await t.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } })),
      ).toBe('UNAUTHENTICATED');

      const changed = await t.gql(
        CHANGE,
        { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } },
        { token: person.token },
      );
      expect(changed.errors).toBeUndefined();
      const fresh = changed.data!.changePassword.token;
      expect((await t.gql(VIEWER, {}, { token: person.token })).data).toEqual({ viewer: null });
      expect((await t.gql(VIEWER, {}, { token: second })).data).toEqual({ viewer: null });
      expect((await t.gql(VIEWER, {}, { token: fresh })).data!.viewer.email).toBe(person.email);
      expect(outcome(await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        outcome(await t.gql(SIGN_IN, { input: { email: person.email, password: 'a brand new passphrase' } })),
      ).toBe('OK');
    });
  });
});

describe('cookies in production', () => {
  it('are Secure', async () => {
    const t = await startTestApp({ config: { nodeEnv: 'production' } });
    try {
      const person = await makeUser(t);
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: person.email, password: PASSWORD } } }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax; Secure/);
    } finally {
      await t.close();
    }
  });
});

describe('display names at sign-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { viewer { user { displayName } } } }';
  const signUp = (displayName: string) =>
    t.gql(SIGN_UP, {
      input: { email: `name-${Math.random().toString(36).slice(2)}@example.org`, password: PASSWORD, displayName },
    });

  it('are stored NFKC-normalised, and counted in graphemes', async () => {
    const stored = await signUp('  Ｏｍａｒ   Okafor ');
    expect(stored.data!.signUp.viewer.user.displayName).toBe('Omar Okafor');
    expect(outcome(await signUp('👩‍👩‍👧‍👦'.repeat(80)))).toBe('OK');
  });

  it('refuse direction controls and invisible-only names, with a message key', async () => {
    const reversed = await signUp('Admin\u202Enimda');
    expect(outcome(reversed)).toBe('BAD_USER_INPUT');
    expect(reversed.errors![0]!.extensions!.fieldKeys.displayName.key).toBe('nameControls');
    // Read as typed: a tab inside a name is a control character (the form refuses it the same way).
    const tabbed = await signUp('Tab\tname');
    expect(tabbed.errors![0]!.extensions!.fieldKeys.displayName.key).toBe('nameControls');
    const invisible = await signUp('\u3164\u200B');
    expect(invisible.errors![0]!.extensions!.fieldKeys.displayName.key).toBe('nameInvisible');
  });
});
