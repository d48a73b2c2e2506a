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
