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

  it('shows what the product does: an open campaign that pages, a closed one with results, flags to review', async () => {
    const campaign = await t.gql(`{ campaign(slug: "better-parks-for-summer") { status votingMode ideaCount
      ideas(sort: TOP, first: 50) { edges { node { title score commentCount responses { status } } } } } }`);
    const { status, votingMode, ideaCount, ideas } = campaign.data!.campaign;
    expect({ status, votingMode, ideaCount }).toEqual({ status: 'OPEN', votingMode: 'SUPPORT', ideaCount: 16 });
    const answered = ideas.edges.filter((e: any) => e.node.responses.length > 0).map((e: any) => e.node);
    expect(answered).toEqual([expect.objectContaining({ score: 2, responses: [{ status: 'ACCEPTED' }] })]);
    const comments = ideas.edges.reduce((sum: number, e: any) => sum + e.node.commentCount, 0);
    expect(comments).toBe(3);

    const closed = await t.gql(`{ campaign(slug: "winter-in-the-parks") { status ideaCount
      responseStats { answered } ideas(first: 10) { edges { node { status responses { id } } } } } }`);
    expect(closed.data!.campaign).toMatchObject({ status: 'CLOSED', ideaCount: 4, responseStats: { answered: 4 } });
    const statuses = closed.data!.campaign.ideas.edges.map((e: any) => e.node.status).sort();
    expect(statuses).toEqual(['ACCEPTED', 'IMPLEMENTED', 'IN_PROGRESS', 'REJECTED']);
    const transit = await t.gql('{ campaign(slug: "streets-for-everyone") { votingMode agency { slug } } }');
    expect(transit.data!.campaign).toEqual({ votingMode: 'UP_DOWN', agency: { slug: 'transit' } });

    const signIn = await t.gql(
      'mutation { signIn(input: { email: "moderator@example.org", password: "' + DEMO_PASSWORD + '" }) { token } }',
    );
    const queue = await t.gql(
      '{ flaggedContent { edges { node { flagCount target { ... on Comment { body } ... on Idea { title } } } } } }',
      {},
      { token: signIn.data!.signIn.token },
    );
    expect(queue.data!.flaggedContent.edges).toEqual([
      { node: { flagCount: 1, target: { body: 'Does anyone know when the public pool opens this year?' } } },
      { node: { flagCount: 2, target: { title: 'Free summer concerts on Sunday evenings' } } },
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

describe('demo data with the production allowances on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { limits: { ideasPerHour: 10 } } });
    await seedDemoData(t.app);
  });
  afterAll(() => t.close());

  it('leaves the demo people their whole hourly allowance of ideas', async () => {
    const signIn = await t.gql(
      'mutation { signIn(input: { email: "carmen@example.org", password: "' + DEMO_PASSWORD + '" }) { token } }',
    );
    const token = signIn.data!.signIn.token;
    const campaign = await t.gql('{ campaign(slug: "better-parks-for-summer") { id } }');
    const submit = (n: number) =>
      t.gql(
        'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
        { input: { campaignId: campaign.data!.campaign.id, title: `Another idea number ${n}`, body: 'Because.' } },
        { token },
      );
    for (let n = 1; n <= 10; n++) expect(outcome(await submit(n))).toBe('OK');
    expect(outcome(await submit(11))).toBe('RATE_LIMITED');
  });
});
