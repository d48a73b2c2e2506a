import { createHash } from 'node:crypto';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, outcome, PASSWORD, type Personas } from '../support/factories.js';

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name scope createdAt lastUsedAt expiresAt } } }`;
const LIST = '{ viewer { user { id } apiTokens { id name scope lastUsedAt } } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }';
const CAST = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }';

describe('personal API tokens', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => {
    t = await startTestApp({ config: { limits: { tokenPerMinute: 5 } } });
    p = await makePersonas(t);
  });
  afterAll(() => t.close());

  const create = async (scope: 'READ' | 'WRITE', extra: Record<string, unknown> = {}, token = p.citizen.token) => {
    const result = await t.gql(CREATE, { input: { name: `My app ${scope}`, scope, ...extra } }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.createApiToken as { token: string; apiToken: { id: string; lastUsedAt: string | null } };
  };

  it('are shown once, stored as a hash, act as their owner, and keep lastUsedAt', async () => {
    const made = await create('READ');
    expect(made.token).toMatch(/^cst_[A-Za-z0-9_-]{43}$/);
    const db = t.app.get(DatabaseService).dataSource;
    const [stored] = await db.query('SELECT token_hash FROM api_tokens WHERE user_id = $1', [p.citizen.user.id]);
    expect(Buffer.from(stored.token_hash).equals(createHash('sha256').update(made.token).digest())).toBe(true);
    expect(JSON.stringify(await db.query('SELECT * FROM api_tokens'))).not.toContain(made.token.slice(4));
    const read = await t.gql(LIST, {}, { token: made.token });
    expect(read.data!.viewer.user.id).toBe(p.citizen.id);
    const listed = (await t.gql(LIST, {}, { token: p.citizen.token })).data!.viewer.apiTokens;
    expect(listed).toEqual([expect.objectContaining({ id: made.apiToken.id, scope: 'READ' })]);
    expect(listed[0].lastUsedAt).not.toBeNull();
    // Nobody else sees it, through the list or as a node.
    expect((await t.gql(LIST, {}, { token: p.author.token })).data!.viewer.apiTokens).toEqual([]);
    const node = 'query ($id: ID!) { node(id: $id) { id } }';
    expect((await t.gql(node, { id: made.apiToken.id }, { token: p.author.token })).data!.node).toBeNull();
    expect((await t.gql(node, { id: made.apiToken.id }, { token: p.citizen.token })).data!.node).not.toBeNull();
  });

  it('READ runs queries only; WRITE takes part but never changes the account, tokens or moderation', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const read = await create('READ', {}, p.author.token);
    const refused = await t.gql(CAST, { id: idea.gid }, { token: read.token });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOKEN_READ_ONLY' });

    const write = await create('WRITE', {}, p.official.token);
    expect(outcome(await t.gql(CAST, { id: idea.gid }, { token: write.token }))).toBe('OK');
    const comment = await t.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { ideaId: idea.gid, body: 'From my app' } },
      { token: write.token },
    );
    expect(outcome(comment)).toBe('OK');
    for (const [document, variables] of [
      [CREATE, { input: { name: 'Another', scope: 'WRITE' } }],
      [REVOKE, { id: write.apiToken.id }],
      [
        'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
        { input: { currentPassword: PASSWORD, newPassword: 'another long passphrase here' } },
      ],
      [
        'mutation ($input: ChangeEmailInput!) { requestEmailChange(input: $input) }',
        { input: { newEmail: 'x@example.org', password: PASSWORD } },
      ],
      ['mutation ($p: String!) { deleteAccount(password: $p) }', { p: PASSWORD }],
      [
        'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
        { input: { ideaId: idea.gid, body: 'Yes.', status: 'ACCEPTED' } },
      ],
    ] as const) {
      const result = await t.gql(document, variables as Record<string, unknown>, { token: write.token });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SESSION_REQUIRED' });
    }
    // One refused field refuses the whole document: nothing in it runs.
    const mixed = await t.gql(
      `mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } signOut }`,
      { id: idea.gid },
      { token: write.token },
    );
    expect(outcome(mixed)).toBe('FORBIDDEN');
    // The official's session still answers officially.
    expect(
      outcome(
        await t.gql(
          'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
          { input: { ideaId: idea.gid, body: 'Yes.', status: 'ACCEPTED' } },
          { token: p.official.token },
        ),
      ),
    ).toBe('OK');
  });

  it('stop working once revoked or expired: their requests are signed out', async () => {
    const made = await create('WRITE', {}, p.agencyAdmin.token);
    expect(outcome(await t.gql(REVOKE, { id: made.apiToken.id }, { token: p.author.token }))).toBe('NOT_FOUND');
    expect(outcome(await t.gql(REVOKE, { id: made.apiToken.id }, { token: p.agencyAdmin.token }))).toBe('OK');
    expect((await t.gql(LIST, {}, { token: made.token })).data!.viewer).toBeNull();
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    expect(outcome(await t.gql(CAST, { id: idea.gid }, { token: made.token }))).toBe('UNAUTHENTICATED');

    const soon = await create('READ', { expiresAt: new Date(Date.now() + 60_000).toISOString() }, p.agencyAdmin.token);
    expect((await t.gql(LIST, {}, { token: soon.token })).data!.viewer).not.toBeNull();
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
        createHash('sha256').update(soon.token).digest(),
      ]);
    expect((await t.gql(LIST, {}, { token: soon.token })).data!.viewer).toBeNull();
  });

  it('check their input: a name, a future expiry', async () => {
    const blank = await t.gql(CREATE, { input: { name: '   ', scope: 'READ' } }, { token: p.moderator.token });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(blank.errors![0]!.extensions!.fields).toHaveProperty('name');
    const past = await t.gql(
      CREATE,
      { input: { name: 'Late', scope: 'READ', expiresAt: new Date(Date.now() - 1000).toISOString() } },
      { token: p.moderator.token },
    );
    expect(past.errors![0]!.extensions!.fieldKeys).toEqual({ expiresAt: { key: 'timeInFuture' } });
    expect(outcome(await t.gql(CREATE, { input: { name: 'Anon', scope: 'READ' } }))).toBe('UNAUTHENTICATED');
  });

  it('are limited per token (TOKEN_RATE_LIMIT_PER_MINUTE root fields), apart from the address limit', async () => {
    const made = await create('READ', {}, p.admin.token);
    const other = await create('READ', {}, p.admin.token);
    for (let i = 0; i < 5; i++)
      expect(outcome(await t.gql('{ viewer { email } }', {}, { token: made.token }))).toBe('OK');
    const limited = await t.gql('{ viewer { email } }', {}, { token: made.token });
    expect(limited.status).toBe(429);
    expect(outcome(limited)).toBe('RATE_LIMITED');
    expect(outcome(await t.gql('{ viewer { email } }', {}, { token: other.token }))).toBe('OK');
  });

  it('go with a deleted account', async () => {
    const person = await (await import('../support/factories.js')).makeUser(t);
    const made = await create('READ', {}, person.token);
    const deleted = await t.gql(
      'mutation ($p: String!) { deleteAccount(password: $p) }',
      { p: PASSWORD },
      {
        token: person.token,
      },
    );
    expect(outcome(deleted)).toBe('OK');
    expect((await t.gql(LIST, {}, { token: made.token })).data!.viewer).toBeNull();
    const [{ n }] = await t.app
      .get(DatabaseService)
      .dataSource.query('SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1', [person.user.id]);
    expect(n).toBe(0);
  });
});
