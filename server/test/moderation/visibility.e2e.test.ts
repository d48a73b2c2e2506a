import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

const FLAG = 'mutation ($input: FlagContentInput!) { flagContent(input: $input) { id } }';
const HIDE = 'mutation ($id: ID!, $reason: String!) { hideContent(targetId: $id, reason: $reason) { __typename } }';
const FLAG_TARGET = `query ($id: ID!) { node(id: $id) { ... on Flag { target {
  ... on Idea { title body bodyHtml tag hiddenReason author { id } }
  ... on Comment { body hiddenReason author { id } idea { title body hiddenReason author { id } } } } } } }`;
const SECRET_REASON = 'Private note: the author is under investigation';

/** Nothing of the idea's words, author or the moderator's reason. */
function expectNothingOf(text: string, ...secrets: string[]) {
  for (const secret of [SECRET_REASON, ...secrets]) expect(text).not.toContain(secret);
}

describe('one visibility rule on every path to an idea or a comment', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('a reporter of a comment does not read its idea once the idea is hidden', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author, { title: 'A title the public saw' });
    const comment = await t.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { ideaId: idea.gid, body: 'A comment someone reports' } },
      { token: p.author.token },
    );
    const reporter = await makeUser(t);
    const flag = await t.gql(
      FLAG,
      { input: { targetId: comment.data!.addComment.id, reason: 'SPAM' } },
      { token: reporter.token },
    );
    const flagId = flag.data!.flagContent.id;
    const before = await t.gql(FLAG_TARGET, { id: flagId }, { token: reporter.token });
    expect(before.data!.node.target.idea.title).toBe('A title the public saw');

    expect(outcome(await t.gql(HIDE, { id: idea.gid, reason: SECRET_REASON }, { token: p.moderator.token }))).toBe(
      'OK',
    );
    const after = await t.gql(FLAG_TARGET, { id: flagId }, { token: reporter.token });
    expect(after.errors).toBeUndefined();
    expect(after.data!.node.target).toMatchObject({
      body: 'Removed by a moderator.',
      author: null,
      idea: { title: 'Removed by a moderator.', hiddenReason: null, author: null },
    });
    expectNothingOf(JSON.stringify(after), 'A title the public saw', 'A comment someone reports');
    // Moderators still see all of it.
    const moderator = await t.gql(FLAG_TARGET, { id: flagId }, { token: p.moderator.token });
    expect(moderator.data!.node.target.idea).toMatchObject({
      title: 'A title the public saw',
      hiddenReason: SECRET_REASON,
    });
  });

  it('a reporter of an idea sees a tombstone once it is hidden, never the reason', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author, { title: 'Reported idea title' });
    const reporter = await makeUser(t);
    const flag = await t.gql(FLAG, { input: { targetId: idea.gid, reason: 'ABUSE' } }, { token: reporter.token });
    await t.gql(HIDE, { id: idea.gid, reason: SECRET_REASON }, { token: p.moderator.token });
    const after = await t.gql(FLAG_TARGET, { id: flag.data!.flagContent.id }, { token: reporter.token });
    expect(after.data!.node.target).toMatchObject({
      title: 'Removed by a moderator.',
      hiddenReason: null,
      author: null,
    });
    expectNothingOf(JSON.stringify(after), 'Reported idea title');
    // The author keeps seeing their own idea, with the reason.
    const author = await t.gql(
      'query ($id: ID!) { idea(id: $id) { title hiddenReason } }',
      { id: idea.gid },
      {
        token: p.author.token,
      },
    );
    expect(author.data!.idea).toEqual({ title: 'Reported idea title', hiddenReason: SECRET_REASON });
  });

  it('retractVote on a hidden idea gives the vote back without its body or reason', async () => {
    const campaign = await makeCampaign(t, p.agency, { voteBudget: 3 });
    const idea = await makeIdea(t, campaign, p.author, { title: 'An idea that gets voted on' });
    const voter = await makeUser(t);
    await t.gql(
      'mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }',
      {
        input: { ideaId: idea.gid, value: 1 },
      },
      { token: voter.token },
    );
    await t.gql(HIDE, { id: idea.gid, reason: SECRET_REASON }, { token: p.moderator.token });
    const retracted = await t.gql(
      'mutation ($id: ID!) { retractVote(ideaId: $id) { title body bodyHtml hiddenReason viewerVote campaign { viewerVotesRemaining } } }',
      { id: idea.gid },
      { token: voter.token },
    );
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data!.retractVote).toMatchObject({
      title: 'Removed by a moderator.',
      hiddenReason: null,
      viewerVote: null,
      campaign: { viewerVotesRemaining: 3 },
    });
    expectNothingOf(JSON.stringify(retracted), 'An idea that gets voted on');
  });
});
