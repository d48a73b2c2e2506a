import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

const SUBMIT = 'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const FLAG = 'mutation ($input: FlagContentInput!) { flagContent(input: $input) { id } }';

describe('anti-spam limits per person', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(
    async () =>
      ({ t, p } = await appWithPersonas({
        config: { limits: { ideasPerHour: 2, commentsPerMinute: 2, flagsPerHour: 2 } },
      })),
  );
  afterAll(() => t.close());

  it('count ideas per hour; refused input does not use up the allowance; the next one is RATE_LIMITED', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const person = await makeUser(t);
    const submit = (title: string) =>
      t.gql(SUBMIT, { input: { campaignId: campaign.gid, title, body: 'Details' } }, { token: person.token });
    expect(outcome(await submit('x'))).toBe('BAD_USER_INPUT');
    expect(outcome(await submit('A first good idea'))).toBe('OK');
    expect(outcome(await submit('A second good idea'))).toBe('OK');
    const third = await submit('A third good idea');
    expect(outcome(third)).toBe('RATE_LIMITED');
    expect(third.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(3000);
    // Limits are per person: someone else still can.
    const other = await makeUser(t);
    const theirs = await t.gql(
      SUBMIT,
      { input: { campaignId: campaign.gid, title: 'Their idea', body: 'More' } },
      {
        token: other.token,
      },
    );
    expect(outcome(theirs)).toBe('OK');
  });

  it('count comments per minute and flags per hour, even when sent at once', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const ideas = await Promise.all([1, 2, 3, 4].map(async () => makeIdea(t, campaign, await makeUser(t))));
    const person = await makeUser(t);
    const comments = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        t.gql(COMMENT, { input: { ideaId: ideas[0]!.gid, body: `Comment ${n}` } }, { token: person.token }),
      ),
    );
    expect(comments.map(outcome).sort()).toEqual(['OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
    const flags = await Promise.all(
      ideas.map((idea) => t.gql(FLAG, { input: { targetId: idea.gid, reason: 'SPAM' } }, { token: person.token })),
    );
    expect(flags.map(outcome).sort()).toEqual(['OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('a document with several limited mutations', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas({ config: { limits: { ideasPerHour: 3 } } })));
  afterAll(() => t.close());

  it('runs whole or not at all: over the allowance, nothing is stored', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const person = await makeUser(t);
    const ideas = (n: number, prefix: string) =>
      `mutation { ${Array.from(
        { length: n },
        (_, i) =>
          `i${i}: submitIdea(input: { campaignId: "${campaign.gid}", title: "${prefix} idea ${i}", body: "Details" }) { id }`,
      ).join(' ')} }`;
    const refused = await t.gql(ideas(4, 'Refused'), {}, { token: person.token });
    expect(refused.status).toBe(429);
    expect(refused.errors!.map((error) => error.extensions!.code)).toEqual(['RATE_LIMITED']);
    const stored = await t.gql(
      'query ($id: ID!) { campaign(id: $id) { ideas { totalCount } } }',
      { id: campaign.gid },
      { token: person.token },
    );
    expect(stored.data!.campaign.ideas.totalCount).toBe(0);
    // The allowance is untouched: three in one document fit.
    const accepted = await t.gql(ideas(3, 'Accepted'), {}, { token: person.token });
    expect(accepted.errors).toBeUndefined();
    expect(Object.keys(accepted.data!)).toHaveLength(3);
  });
});

describe('flags from new accounts', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas({ config: { flagMinAccountAgeHours: 24 } })));
  afterAll(() => t.close());

  it('are recorded and shown to moderators but do not hide anything', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, await makeUser(t));
    const flaggers = await Promise.all([1, 2, 3, 4].map(() => makeUser(t)));
    for (const flagger of flaggers) {
      const flagged = await t.gql(FLAG, { input: { targetId: idea.gid, reason: 'SPAM' } }, { token: flagger.token });
      expect(outcome(flagged)).toBe('OK');
    }
    const seen = await t.gql('query ($id: ID!) { idea(id: $id) { visibility } }', { id: idea.gid });
    expect(seen.data!.idea.visibility).toBe('VISIBLE');
    const queue = await t.gql(
      '{ moderationQueue { edges { node { openFlagCount } } } }',
      {},
      { token: p.moderator.token },
    );
    expect(queue.data!.moderationQueue.edges.map((e: any) => e.node.openFlagCount)).toEqual([4, 4, 4, 4]);
    // Accounts older than a day count: three of them hide it.
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE users SET created_at = now() - interval '25 hours' WHERE id = ANY($1)", [
        flaggers.slice(0, 3).map((f) => f.user.id),
      ]);
    const old = await makeUser(t);
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE users SET created_at = now() - interval '25 hours' WHERE id = $1", [old.user.id]);
    expect(outcome(await t.gql(FLAG, { input: { targetId: idea.gid, reason: 'SPAM' } }, { token: old.token }))).toBe(
      'OK',
    );
    const hidden = await t.gql('query ($id: ID!) { idea(id: $id) { id } }', { id: idea.gid });
    expect(hidden.data!.idea).toBeNull();
  });
});
