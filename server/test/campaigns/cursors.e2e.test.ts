import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';
import type { TestApp } from '../support/app.js';

/** Every way to change one keyset value of a real cursor into something of another type. */
function forgeries(cursor: string): string[] {
  const [order, ...values] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
  const wrong = [{}, [], 'not a value', 1.5, -1, true, null, '2026-13-45T99:00:00Z', 'ffffffff-zzzz'];
  const forged = values.flatMap((_, i) =>
    wrong
      // A number in place of a number may be a real position: only other types are forgeries there.
      .filter((value) => typeof values[i] !== 'number' || typeof value !== 'number')
      .map((value) => encode([order, ...values.map((v, j) => (j === i ? value : v))])),
  );
  return [...forged, encode([order, ...values, 'extra']), encode(['OTHER', ...values]), 'not base64 at all!', ''];
}

describe('forged cursors', () => {
  let t: TestApp;
  let p: Personas;
  let campaignId: string;
  let ideaId: string;
  beforeAll(async () => {
    ({ t, p } = await appWithPersonas());
    const campaign = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    campaignId = campaign.gid;
    await makeCampaign(t, p.agency);
    const ideas = await Promise.all([1, 2, 3].map(async () => makeIdea(t, campaign, await makeUser(t))));
    ideaId = ideas[0]!.gid;
    for (let i = 0; i < 3; i++) {
      const comment = await t.gql(
        'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
        { input: { ideaId, body: `Comment ${i}` } },
        { token: p.citizen.token },
      );
      await t.gql(
        'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
        { input: { ideaId, parentId: comment.data!.addComment.id, body: `Reply ${i}` } },
        { token: p.author.token },
      );
    }
  });
  afterAll(() => t.close());

  const lists: Array<[string, string, (data: any) => any]> = [
    [
      'campaigns',
      'query ($after: String) { campaigns(first: 1, after: $after) { pageInfo { endCursor } } }',
      (d) => d.campaigns,
    ],
    ...['TOP', 'NEW', 'TRENDING', 'BEST'].map((sort): [string, string, (data: any) => any] => [
      `ideas by ${sort}`,
      `query ($id: ID!, $after: String) { campaign(id: $id) { ideas(sort: ${sort}, first: 1, after: $after) { pageInfo { endCursor } } } }`,
      (d) => d.campaign.ideas,
    ]),
    [
      'search',
      'query ($id: ID!, $after: String) { searchIdeas(campaignId: $id, query: "idea", first: 1, after: $after) { pageInfo { endCursor } } }',
      (d) => d.searchIdeas,
    ],
    [
      'comments',
      'query ($idea: ID!, $after: String) { idea(id: $idea) { comments(first: 1, after: $after) { pageInfo { endCursor } } } }',
      (d) => d.idea.comments,
    ],
    [
      'replies',
      'query ($idea: ID!, $after: String) { idea(id: $idea) { comments(first: 1) { edges { node { replies(first: 1, after: $after) { pageInfo { endCursor } } } } } } }',
      (d) => d.idea.comments.edges[0].node.replies,
    ],
    [
      'moderation log',
      'query ($after: String) { moderationLog(first: 1, after: $after) { pageInfo { endCursor } } }',
      (d) => d.moderationLog,
    ],
  ];

  it.each(lists)('%s: a cursor with a value of the wrong type is BAD_USER_INPUT', async (_name, query, page) => {
    const variables = { id: campaignId, idea: ideaId };
    const first = await t.gql(query, variables, { token: p.moderator.token });
    expect(first.errors).toBeUndefined();
    let cursor: string | null = page(first.data).pageInfo.endCursor;
    if (!cursor) {
      // The moderation log is empty on a fresh database: make it one entry.
      await t.gql(
        'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Test") { __typename } }',
        { id: ideaId },
        { token: p.moderator.token },
      );
      cursor = page((await t.gql(query, variables, { token: p.moderator.token })).data).pageInfo.endCursor;
    }
    expect(cursor).toBeTruthy();
    const answers = await Promise.all(
      forgeries(cursor!).map((after) => t.gql(query, { ...variables, after }, { token: p.moderator.token })),
    );
    expect([...new Set(answers.map(outcome))]).toEqual(['BAD_USER_INPUT']);
  });
});
