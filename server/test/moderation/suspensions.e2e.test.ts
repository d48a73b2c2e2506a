import type { TestApp } from '../support/app.js';
import {
  appWithPersonas,
  makeCampaign,
  makeIdea,
  makeUser,
  outcome,
  PASSWORD,
  type Personas,
} from '../support/factories.js';

const SUSPEND = 'mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id role } }';
const LOG =
  '{ moderationLog(first: 50) { totalCount edges { node { id action targetId reason createdAt actor { id } } } } }';
const tomorrow = () => new Date(Date.now() + 86400000).toISOString();

describe('suspensions and the moderation log', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('end the person’s sessions and stop every write until then, while reading still works', async () => {
    const person = await makeUser(t);
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    // Signed in and reading just before: the suspension must end the session this process has at hand too.
    expect((await t.gql('{ viewer { email } }', {}, { token: person.token })).data!.viewer.email).toBe(person.email);
    const result = await t.gql(
      SUSPEND,
      { input: { userId: person.id, until: tomorrow(), reason: 'Repeated abuse' } },
      { token: p.moderator.token },
    );
    expect(result.data!.suspendUser).toEqual({ id: person.id, role: 'CITIZEN' });
    expect((await t.gql('{ viewer { email } }', {}, { token: person.token })).data).toEqual({ viewer: null });

    const signedIn = await t.gql(
      'mutation ($input: SignInInput!) { signIn(input: $input) { token viewer { suspendedUntil suspensionReason } } }',
      {
        input: { email: person.email, password: PASSWORD },
      },
    );
    const token = signedIn.data!.signIn.token;
    expect(signedIn.data!.signIn.viewer.suspensionReason).toBe('Repeated abuse');
    expect(signedIn.data!.signIn.viewer.suspendedUntil).not.toBeNull();
    const writes = [
      t.gql('mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }', { id: idea.gid }, { token }),
      t.gql(
        'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
        { input: { ideaId: idea.gid, body: 'Hi' } },
        { token },
      ),
    ];
    expect((await Promise.all(writes)).map(outcome)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(outcome(await t.gql('query ($id: ID!) { idea(id: $id) { title } }', { id: idea.gid }, { token }))).toBe(
      'OK',
    );
  });

  it('are for moderators and admins only, never of oneself or of an admin, and check the input', async () => {
    const person = await makeUser(t);
    const input = { userId: person.id, until: tomorrow(), reason: 'Spam' };
    expect(outcome(await t.gql(SUSPEND, { input }))).toBe('UNAUTHENTICATED');
    for (const who of [p.citizen, p.official, p.agencyAdmin])
      expect(outcome(await t.gql(SUSPEND, { input }, { token: who.token }))).toBe('FORBIDDEN');
    expect(
      outcome(await t.gql(SUSPEND, { input: { ...input, userId: p.moderator.id } }, { token: p.moderator.token })),
    ).toBe('FORBIDDEN');
    expect(
      outcome(await t.gql(SUSPEND, { input: { ...input, userId: p.admin.id } }, { token: p.moderator.token })),
    ).toBe('FORBIDDEN');
    const past = await t.gql(SUSPEND, { input: { ...input, until: '2020-01-01T00:00:00Z' } }, { token: p.admin.token });
    expect(past.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { until: expect.any(String) },
    });
    expect(outcome(await t.gql(SUSPEND, { input: { ...input, reason: '   ' } }, { token: p.admin.token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(await t.gql(SUSPEND, { input: { ...input, userId: p.agency.gid } }, { token: p.admin.token }))).toBe(
      'NOT_FOUND',
    );
    expect(outcome(await t.gql(SUSPEND, { input }, { token: p.admin.token }))).toBe('OK');
    expect(outcome(await t.gql(SUSPEND, { input }, { token: p.admin.token }))).toBe('OK');
  });

  it('is recorded in a log that moderators read whole, officials for their agency only, citizens not at all', async () => {
    const person = await makeUser(t);
    await t.gql(
      SUSPEND,
      { input: { userId: person.id, until: tomorrow(), reason: 'Logged reason' } },
      { token: p.moderator.token },
    );
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    await t.gql(
      'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
      {
        input: { ideaId: idea.gid, body: 'Looking into it.', status: 'UNDER_REVIEW' },
      },
      { token: p.official.token },
    );

    const all = (await t.gql(LOG, {}, { token: p.moderator.token })).data!.moderationLog.edges.map((e: any) => e.node);
    expect(all).toContainEqual(
      expect.objectContaining({
        action: 'user.suspended',
        targetId: person.id,
        reason: 'Logged reason',
        actor: { id: p.moderator.id },
      }),
    );
    expect(all).toContainEqual(
      expect.objectContaining({ action: 'idea.response_posted', targetId: idea.gid, actor: { id: p.official.id } }),
    );
    const times = all.map((entry: any) => entry.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const official = (await t.gql(LOG, {}, { token: p.official.token })).data!.moderationLog.edges.map(
      (e: any) => e.node.action,
    );
    expect(official).toContain('idea.response_posted');
    expect(official).not.toContain('user.suspended');
    const other = (await t.gql(LOG, {}, { token: p.otherOfficial.token })).data!.moderationLog.edges.map(
      (e: any) => e.node.targetId,
    );
    expect(other).not.toContain(idea.gid);
    expect(outcome(await t.gql(LOG, {}, { token: p.citizen.token }))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(LOG))).toBe('UNAUTHENTICATED');
  });
});
