import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, outcome, type Personas } from '../support/factories.js';

const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const EDIT_COMMENT = 'mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id body } }';
const DELETE_COMMENT = 'mutation ($id: ID!) { deleteComment(id: $id) { id } }';
const EDIT_IDEA = 'mutation ($input: UpdateIdeaInput!) { updateIdea(input: $input) { id } }';
const WITHDRAW = 'mutation ($id: ID!) { withdrawIdea(id: $id) { id } }';
const HIDE = 'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Under review") { __typename } }';
const RESTORE = 'mutation ($id: ID!) { restoreContent(targetId: $id, reason: "Fine after all") { __typename } }';

describe('frozen content', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const as = (token: string) => ({ token });
  const comment = async (ideaId: string) =>
    (await t.gql(COMMENT, { input: { ideaId, body: 'A first comment' } }, as(p.author.token))).data!.addComment.id;

  it('an archived consultation’s comments can be neither edited nor deleted', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.citizen);
    const id = await comment(idea.gid);
    for (const step of ['closeCampaign', 'archiveCampaign']) {
      const moved = await t.gql(
        `mutation ($id: ID!) { ${step}(id: $id) { status } }`,
        { id: campaign.gid },
        as(p.admin.token),
      );
      expect(outcome(moved)).toBe('OK');
    }
    const edited = await t.gql(EDIT_COMMENT, { id, body: 'Changed later' }, as(p.author.token));
    expect(outcome(edited)).toBe('CONFLICT');
    expect(edited.errors![0]!.message).toMatch(/archived/);
    expect(outcome(await t.gql(DELETE_COMMENT, { id }, as(p.author.token)))).toBe('CONFLICT');
  });

  it('hidden ideas and comments are frozen until restored', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const id = await comment(idea.gid);

    await t.gql(HIDE, { id }, as(p.moderator.token));
    const edited = await t.gql(EDIT_COMMENT, { id, body: 'Cleaned up while reviewed' }, as(p.author.token));
    expect(outcome(edited)).toBe('CONFLICT');
    expect(edited.errors![0]!.message).toMatch(/hidden pending review/);
    expect(outcome(await t.gql(DELETE_COMMENT, { id }, as(p.author.token)))).toBe('CONFLICT');
    await t.gql(RESTORE, { id }, as(p.moderator.token));
    expect(outcome(await t.gql(EDIT_COMMENT, { id, body: 'Now it may change' }, as(p.author.token)))).toBe('OK');

    await t.gql(HIDE, { id: idea.gid }, as(p.moderator.token));
    expect(outcome(await t.gql(EDIT_IDEA, { input: { id: idea.gid, title: 'A new title' } }, as(p.author.token)))).toBe(
      'CONFLICT',
    );
    expect(outcome(await t.gql(WITHDRAW, { id: idea.gid }, as(p.author.token)))).toBe('CONFLICT');
    // Comments under a hidden idea are frozen with it.
    expect(outcome(await t.gql(EDIT_COMMENT, { id, body: 'Under a hidden idea' }, as(p.author.token)))).toBe(
      'CONFLICT',
    );
    await t.gql(RESTORE, { id: idea.gid }, as(p.moderator.token));
    expect(outcome(await t.gql(EDIT_IDEA, { input: { id: idea.gid, title: 'A new title' } }, as(p.author.token)))).toBe(
      'OK',
    );
  });
});
