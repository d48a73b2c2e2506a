import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeIdea, makeUser, type TestUser } from '../support/factories.js';

// Aliases, a fragment on an interface, variables with defaults, nested lists, loaders and the viewer's votes.
const PAGE = `query Page($id: ID!, $first: Int = 3, $sort: IdeaSort) {
  campaign(id: $id) {
    id title status ideaCount viewerVotesRemaining agency { name }
    ideas(first: $first, sort: $sort) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ...Card campaign { id } } }
    }
  }
  again: node(id: $id) { id ... on Campaign { slug } }
}
fragment Card on Idea { id title score upvotes downvotes commentCount viewerVote status createdAt author { displayName } }`;
const MISSING = 'query ($id: ID!) { idea(id: $id) { id title } }';
const SIZED =
  'query ($id: ID!, $first: Int) { campaign(id: $id) { id ideas(first: $first) { totalCount edges { node { id } } } } }';
const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id score viewerVote } }';

describe('hot query documents', () => {
  let t: TestApp;
  let plain: TestApp;
  let person: TestUser;
  let campaign: Awaited<ReturnType<typeof makeCampaign>>;
  const ideas: Array<{ gid: string }> = [];
  beforeAll(async () => {
    t = await startTestApp({ config: { compiledQueryAfter: 2 } });
    // The same database, every query through the standard executor.
    plain = await startTestApp({ config: { compiledQueryAfter: 0 }, databaseUrl: t.db.url });
    person = await makeUser(t);
    const author = await makeUser(t);
    campaign = await makeCampaign(t, await makeAgency(t));
    for (let i = 0; i < 4; i++) ideas.push(await makeIdea(t, campaign, author));
  });
  afterAll(async () => {
    await plain.close();
    await t.close();
  });

  // The answer as the client reads it, field order included.
  const body = (r: { data?: unknown; errors?: unknown }) => JSON.stringify({ data: r.data, errors: r.errors });
  const compiledLines = (app: TestApp) => app.logs.filter((line) => line.includes('"compiled":true')).length;

  it('answer exactly as the standard executor does, once compiled', async () => {
    await t.gql(VOTE, { id: ideas[1]!.gid }, { token: person.token });
    const variables = { id: campaign.gid, sort: 'TOP' };
    const expected = await plain.gql(PAGE, variables, { token: person.token });
    expect(expected.errors).toBeUndefined();
    expect(expected.data!.campaign.ideas.edges[0].node.viewerVote).toBe(1);
    const before = compiledLines(t);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await t.gql(PAGE, variables, { token: person.token }));
    for (const answer of answers) expect(body(answer)).toBe(body(expected));
    // Asked for twice, then compiled: the third and fourth answers ran compiled.
    expect(compiledLines(t) - before).toBe(2);
    // Signed out, the same document: no viewer's vote, the same shape.
    const signedOut = await t.gql(PAGE, variables);
    expect(body(signedOut)).toBe(body(await plain.gql(PAGE, variables)));
    expect(signedOut.data!.campaign.ideas.edges[0].node.viewerVote).toBeNull();
  });

  it('send every error through the standard executor: the same code and message', async () => {
    const gone = Buffer.from('Idea:00000000-0000-4000-8000-000000000000').toString('base64url');
    for (let i = 0; i < 3; i++) await t.gql(MISSING, { id: ideas[0]!.gid });
    for (let i = 0; i < 3; i++) await t.gql(SIZED, { id: campaign.gid, first: 2 });
    const before = compiledLines(t);
    const found = await t.gql(MISSING, { id: ideas[0]!.gid });
    const missing = await t.gql(MISSING, { id: gone });
    const refused = await t.gql(SIZED, { id: campaign.gid, first: 0 });
    expect(found.data!.idea.id).toBe(ideas[0]!.gid);
    expect(missing.data!.idea).toBeNull();
    expect(body(missing)).toBe(body(await plain.gql(MISSING, { id: gone })));
    // The same refusal, message, path and partial data; only the request id differs.
    const strip = (r: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
      JSON.stringify([r.data, r.errors?.map(({ extensions, ...rest }) => ({ ...rest, code: extensions?.code }))]);
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(strip(refused)).toBe(strip(await plain.gql(SIZED, { id: campaign.gid, first: 0 })));
    // The idea found and the idea that does not exist (null, no error) ran compiled; the refusal did not.
    expect(compiledLines(t) - before).toBe(2);
  });

  it('never run mutations compiled', async () => {
    const before = compiledLines(t);
    for (const idea of [ideas[0]!, ...ideas.slice(2)]) {
      const result = await t.gql(VOTE, { id: idea.gid }, { token: person.token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.castVote).toMatchObject({ id: idea.gid, viewerVote: 1, score: 1 });
    }
    expect(compiledLines(t)).toBe(before);
  });
});
