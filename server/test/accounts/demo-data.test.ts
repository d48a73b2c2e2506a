import { outcome } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoCredentials, seedDemoData } from '../../src/modules/demo/demo-data.js';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads once: an admin, a moderator, officials of two agencies and citizens who can sign in', async () => {
    expect(await seedDemoData(t.app)).toBe(true);
    expect(await seedDemoData(t.app)).toBe(false);
    for (const account of DEMO_ACCOUNTS) {
      const result = await t.gql(
        'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { user { role } memberships { role agency { slug } } } } }',
        {
          input: { email: account.email, password: DEMO_PASSWORD },
        },
      );
      expect(outcome(result)).toBe('OK');
      expect(result.data!.signIn.viewer.user.role).toBe(account.role);
    }
    const agencies = await t.gql('{ agencies { slug members { role } } }');
    expect(agencies.data!.agencies.map((a: { slug: string }) => a.slug)).toEqual(['city-parks', 'transit']);
    expect(demoCredentials()).toContain(DEMO_PASSWORD);
  });

  it('has an open campaign with ideas, votes, an official answer, a thread and a flag to review', async () => {
    const campaign = await t.gql(`{ campaign(slug: "better-parks-for-summer") { status ideaCount
      ideas(sort: TOP) { edges { node { title score commentCount responses { status } } } } } }`);
    const { status, ideaCount, ideas } = campaign.data!.campaign;
    expect({ status, ideaCount }).toEqual({ status: 'OPEN', ideaCount: 4 });
    const answered = ideas.edges.filter((e: any) => e.node.responses.length > 0).map((e: any) => e.node);
    expect(answered).toEqual([expect.objectContaining({ score: 2, responses: [{ status: 'ACCEPTED' }] })]);
    const comments = ideas.edges.reduce((sum: number, e: any) => sum + e.node.commentCount, 0);
    expect(comments).toBe(3);
    const signIn = await t.gql(
      'mutation { signIn(input: { email: "moderator@example.org", password: "' + DEMO_PASSWORD + '" }) { token } }',
    );
    const queue = await t.gql(
      '{ moderationQueue { edges { node { reason target { ... on Comment { body } } } } } }',
      {},
      {
        token: signIn.data!.signIn.token,
      },
    );
    expect(queue.data!.moderationQueue.edges).toEqual([
      { node: { reason: 'OFF_TOPIC', target: { body: 'Does anyone know when the public pool opens this year?' } } },
    ]);
  });
});

describe('demo data for common ground', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app);
  });
  afterAll(() => t.close());

  it('has the Transit Authority’s UP_DOWN consultation where common ground puts the school crossings first', async () => {
    const ideas = (sort: string) =>
      t.gql(
        `{ campaign(slug: "streets-for-everyone") { votingMode ideas(sort: ${sort}) { edges { node { title commonGround } } } } }`,
      );
    const byGround = (await ideas('COMMON_GROUND')).data!.campaign;
    expect(byGround.votingMode).toBe('UP_DOWN');
    expect(byGround.ideas.edges[0].node.title).toBe('Safer crossings outside every school');
    expect(byGround.ideas.edges.every((e: any) => typeof e.node.commonGround === 'number')).toBe(true);
    const byTop = (await ideas('TOP')).data!.campaign;
    expect(byTop.ideas.edges[0].node.title).not.toBe('Safer crossings outside every school');
  });
});
