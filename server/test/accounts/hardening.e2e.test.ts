import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeUser, outcome } from '../support/factories.js';

/** agencies > members > agency > members > agency > ...: `extra` levels below agencies > members. */
function nested(extra: number): string {
  const opened = Array.from({ length: extra }, (_, i) => (i % 2 === 0 ? 'agency' : 'members'));
  const leaf = opened.at(-1) === 'agency' ? 'id' : 'role';
  return `{ agencies { members { ${opened.map((f) => `${f} { `).join('')}${leaf}${' }'.repeat(extra)} } } }`;
}

describe('GraphQL document limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Depth is what these tests look at: plain lists of agencies and members cost 20 each, many levels deep.
    t = await startTestApp({ config: { limits: { maxCost: 1e12 } as never } });
  });
  afterAll(() => t.close());

  it('refuse documents nested deeper than the limit', async () => {
    expect(outcome(await t.gql(nested(9)))).toBe('OK'); // 12 levels with the leaf
    const deep = await t.gql(nested(10));
    expect(outcome(deep)).toBe('BAD_USER_INPUT');
    expect(deep.errors![0]!.message).toMatch(/nested too deeply/);
  });

  it('refuse too many aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(outcome(await t.gql(aliases(30)))).toBe('OK');
    const many = await t.gql(aliases(31));
    expect(many.errors![0]!.message).toMatch(/Too many aliases/);
  });

  it('refuse too many directives', async () => {
    const directives = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`;
    expect(outcome(await t.gql(directives(20)))).toBe('OK');
    expect((await t.gql(directives(21))).errors![0]!.message).toMatch(/Too many directives/);
  });

  it('refuse documents with too many tokens', async () => {
    const huge = `{ ${'__typename '.repeat(6000)} }`;
    const result = await t.gql(huge);
    expect(outcome(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/tokens/);
  });
});

describe('GraphQL cost limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { limits: { maxCost: 40 } as never } });
  });
  afterAll(() => t.close());

  it('refuse queries whose estimated cost is over the limit', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => `f${i}: agencies { id name slug }`).join(' ');
    const result = await t.gql(`{ ${fields} }`);
    expect(result.status).toBe(400);
    expect(outcome(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/cost \d+, at most 40/);
  });
});

describe('errors in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { nodeEnv: 'production' } });
  });
  afterAll(() => t.close());

  it('carry no field suggestions', async () => {
    const result = await t.gql('{ viewr { email } }');
    expect(outcome(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('hide stack traces, SQL and constraint names behind a request id that the log keeps', async () => {
    const person = await makeUser(t);
    const db = t.app.get(DatabaseService).dataSource;
    await db.query('ALTER TABLE users RENAME COLUMN display_name TO display_name_moved');
    try {
      const result = await t.gql('{ viewer { email user { displayName } } }', {}, { token: person.token });
      const error = result.errors![0]!;
      expect(error.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).toBe('Internal server error.');
      const text = JSON.stringify(result);
      for (const leak of ['display_name', 'SELECT', 'does not exist', 'stack', '.js:'])
        expect(text).not.toContain(leak);
      const requestId = error.extensions!.requestId;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = t.logs
        .map((line) => JSON.parse(line))
        .find((entry) => entry.requestId === requestId && entry.msg === 'unexpected error');
      expect(logged.error).toMatch(/display_name/);
    } finally {
      await db.query('ALTER TABLE users RENAME COLUMN display_name_moved TO display_name');
    }
  });

  it('never log passwords', async () => {
    const secret = 'a-secret-that-must-not-be-logged';
    await t.gql('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
      input: { email: 'nobody@example.org', password: secret },
    });
    await t.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: 'bad', password: secret, displayName: 'x' },
    });
    expect(t.logs.join('\n')).not.toContain(secret);
  });
});

describe('operations that need a session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answer UNAUTHENTICATED to a signed-out client before looking at its input', async () => {
    const change = await t.gql('mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }', {
      input: { currentPassword: '', newPassword: 'x'.repeat(5000) },
    });
    expect(outcome(change)).toBe('UNAUTHENTICATED');
    const create = await t.gql('mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', {
      input: { agencyId: 'nonsense', title: '', summary: '', body: '', voteBudget: -4 },
    });
    expect(outcome(create)).toBe('UNAUTHENTICATED');
    // Mutations for signed-out people still validate their input as before.
    const signUp = await t.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: 'nope', password: 'short', displayName: '' },
    });
    expect(outcome(signUp)).toBe('BAD_USER_INPUT');
  });
});

describe('logs of refused requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { limits: { perMinute: 20 } } });
  });
  afterAll(() => t.close());

  it('are at info, with the code and no stack; error level stays for the unexpected', async () => {
    const person = await makeUser(t);
    const from = t.logs.length;
    const requests = [
      t.gql('{ idea(id: "SWRlYTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA") { id } }'), // NOT_FOUND: null
      t.gql('mutation { createAgency(input: { name: "A new agency" }) { id } }', {}, { token: person.token }), // FORBIDDEN
      t.gql('mutation { followIdea(ideaId: "nonsense") { id } }'), // UNAUTHENTICATED
      t.gql('mutation { followIdea(ideaId: "nonsense") { id } }', {}, { token: person.token }), // NOT_FOUND
      t.gql('{ noSuchField }'),
    ];
    const results = await Promise.all(requests);
    for (let i = 0; i < 20; i++) await t.gql('{ agencies { id } }'); // then RATE_LIMITED
    const codes = results.flatMap((result) => result.errors?.map((e) => e.extensions!.code) ?? []);
    expect(codes).toEqual(expect.arrayContaining(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'BAD_USER_INPUT']));
    const lines = t.logs.slice(from).map((line) => JSON.parse(line));
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(lines.filter((line) => 'stack' in line)).toEqual([]);
    const refused = lines.filter((line) => line.msg === 'request refused');
    expect(refused.map((line) => line.level)).toEqual(refused.map(() => 'info'));
    expect(refused.map((line) => line.code)).toEqual(
      expect.arrayContaining(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'RATE_LIMITED']),
    );
  });
});
