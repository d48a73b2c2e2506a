import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

const ACTIVITY = `{ viewer { ideas { totalCount edges { node { id status visibility } } }
  votedIdeas { edges { node { id viewerVote } } } followedIdeas { edges { node { id } } } } }`;

describe('a person’s own activity and looking people up', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('lists the viewer’s ideas (hidden ones too), votes and follows, newest first, and nobody else’s', async () => {
    const person = await makeUser(t);
    const campaign = await makeCampaign(t, p.agency);
    const first = await makeIdea(t, campaign, person);
    const second = await makeIdea(t, campaign, person);
    const other = await makeIdea(t, campaign, p.author);
    await t.gql(
      'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }',
      { id: other.gid },
      {
        token: person.token,
      },
    );
    await t.gql('mutation ($id: ID!) { followIdea(ideaId: $id) { id } }', { id: other.gid }, { token: person.token });
    await t.gql(
      'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Spam") { __typename } }',
      { id: first.gid },
      {
        token: p.moderator.token,
      },
    );

    const mine = (await t.gql(ACTIVITY, {}, { token: person.token })).data!.viewer;
    expect(mine.ideas).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: second.gid, status: 'SUBMITTED', visibility: 'VISIBLE' } },
        { node: { id: first.gid, status: 'SUBMITTED', visibility: 'HIDDEN' } },
      ],
    });
    expect(mine.votedIdeas.edges).toEqual([{ node: { id: other.gid, viewerVote: 1 } }]);
    // Authors follow their own ideas.
    expect(mine.followedIdeas.edges.map((e: any) => e.node.id)).toEqual([other.gid, second.gid, first.gid]);
    expect((await t.gql(ACTIVITY)).data!.viewer).toBeNull();
  });

  it('lets admins find a person by email, and nobody else', async () => {
    const person = await makeUser(t);
    const query = 'query ($email: String!) { userByEmail(email: $email) { id } }';
    expect(
      (await t.gql(query, { email: person.email.toUpperCase() }, { token: p.admin.token })).data!.userByEmail,
    ).toEqual({ id: person.id });
    expect(
      (await t.gql(query, { email: 'nobody@example.org' }, { token: p.admin.token })).data!.userByEmail,
    ).toBeNull();
    expect(outcome(await t.gql(query, { email: person.email }, { token: p.moderator.token }))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(query, { email: person.email }))).toBe('UNAUTHENTICATED');
  });
});
