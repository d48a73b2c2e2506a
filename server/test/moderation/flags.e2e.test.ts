import { findDrift } from '../../src/modules/votes/reconciliation.js';
import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import {
  appWithPersonas,
  makeCampaign,
  makeIdea,
  makeUser,
  outcome,
  type Personas,
  type TestUser,
} from '../support/factories.js';

const FLAG = `mutation ($input: FlagContentInput!) {
  flagContent(input: $input) { id reason note status openFlagCount reporter { id } resolvedAt resolvedBy { id }
    target { __typename ... on Idea { id visibility } ... on Comment { id visibility } } } }`;
const IDEA = 'query ($id: ID!) { idea(id: $id) { id title visibility hiddenReason campaign { ideaCount } } }';
const NODE = 'query ($id: ID!) { node(id: $id) { id } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const THREAD = `query ($id: ID!) { idea(id: $id) { commentCount comments { totalCount edges { node {
  id body bodyHtml visibility hiddenReason author { id } replies { edges { node { id body } } } } } } } }`;

describe('flags and what hidden content looks like', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const flag = (person: TestUser | undefined, targetId: string, extra: Record<string, unknown> = {}) =>
    t.gql(FLAG, { input: { targetId, reason: 'SPAM', ...extra } }, { token: person?.token });
  const sql = (text: string, params: unknown[]) => t.app.get(DatabaseService).dataSource.query(text, params);
  const flaggers = (n: number) => Promise.all(Array.from({ length: n }, () => makeUser(t)));

  it('are made by signed-in people, once each, never on their own content, with a bounded note', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    expect(outcome(await flag(undefined, idea.gid))).toBe('UNAUTHENTICATED');
    const own = await flag(p.author, idea.gid);
    expect(outcome(own)).toBe('BAD_USER_INPUT');
    expect(own.errors![0]!.extensions!.fields).toHaveProperty('targetId');
    const long = await flag(p.citizen, idea.gid, { note: 'x'.repeat(1001) });
    expect(long.errors![0]!.extensions!.fields).toHaveProperty('note');
    expect(outcome(await flag(p.citizen, 'not-an-id'))).toBe('NOT_FOUND');
    expect(outcome(await flag(p.citizen, p.agency.gid))).toBe('NOT_FOUND');
    expect(
      outcome(await t.gql(FLAG, { input: { targetId: idea.gid, reason: 'BORING' } }, { token: p.citizen.token })),
    ).toBe('BAD_USER_INPUT');

    const made = await flag(p.citizen, idea.gid, { reason: 'OFF_TOPIC', note: '  Not about parks.  ' });
    expect(made.data!.flagContent).toMatchObject({
      reason: 'OFF_TOPIC',
      note: 'Not about parks.',
      status: 'OPEN',
      openFlagCount: 1,
      reporter: { id: p.citizen.id },
      resolvedAt: null,
      resolvedBy: null,
      target: { __typename: 'Idea', id: idea.gid, visibility: 'VISIBLE' },
    });
    const again = await flag(p.citizen, idea.gid);
    expect(outcome(again)).toBe('CONFLICT');
    // The reporter can read their own flag; other citizens cannot.
    const flagId = made.data!.flagContent.id;
    expect((await t.gql(NODE, { id: flagId }, { token: p.citizen.token })).data!.node).toEqual({ id: flagId });
    expect((await t.gql(NODE, { id: flagId }, { token: p.author.token })).data!.node).toBeNull();
  });

  it('hide content at the threshold (3), and hidden means hidden on every read path but for its people', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author, { title: 'Paint the fountain in neon colours' });
    const voter = await makeUser(t);
    await t.gql(
      'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }',
      { id: idea.gid },
      {
        token: voter.token,
      },
    );
    const [a, b, c] = await flaggers(3);
    await flag(a, idea.gid);
    await flag(b, idea.gid);
    let seen = await t.gql(IDEA, { id: idea.gid });
    expect(seen.data!.idea).toMatchObject({ visibility: 'VISIBLE', campaign: { ideaCount: 1 } });
    const third = await flag(c, idea.gid);
    expect(third.data!.flagContent).toMatchObject({ openFlagCount: 3 });

    // Gone for people at large: by id, as a node, in lists and counts, in search, among similar ideas.
    for (const token of [undefined, p.citizen.token, p.otherOfficial.token]) {
      expect((await t.gql(IDEA, { id: idea.gid }, { token })).data!.idea).toBeNull();
      expect((await t.gql(NODE, { id: idea.gid }, { token })).data!.node).toBeNull();
    }
    const lists = await t.gql(
      `query ($id: ID!, $q: String!) {
        campaign(id: $id) { ideaCount ideas { totalCount edges { node { id } } } newest: ideas(sort: NEW) { totalCount } }
        searchIdeas(query: $q) { edges { node { id } } }
        similarIdeas(campaignId: $id, text: $q) { id } }`,
      { id: campaign.gid, q: 'neon fountain colours' },
      { token: p.citizen.token },
    );
    expect(lists.data).toEqual({
      campaign: { ideaCount: 0, ideas: { totalCount: 0, edges: [] }, newest: { totalCount: 0 } },
      searchIdeas: { edges: [] },
      similarIdeas: [],
    });
    // Its author, moderators, admins and the agency's officials still see it, with the reason.
    for (const who of [p.author, p.moderator, p.admin, p.official, p.agencyAdmin]) {
      seen = await t.gql(IDEA, { id: idea.gid }, { token: who.token });
      expect(seen.data!.idea).toMatchObject({
        visibility: 'HIDDEN',
        hiddenReason: 'Hidden automatically after 3 flags, pending review.',
      });
    }
    // No new votes or comments, not even from those who can see it; a voter may still take theirs back.
    const vote = await t.gql(
      'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }',
      {
        id: idea.gid,
      },
      { token: p.official.token },
    );
    expect(outcome(vote)).toBe('CONFLICT');
    const comment = await t.gql(
      COMMENT,
      { input: { ideaId: idea.gid, body: 'Still here?' } },
      { token: p.author.token },
    );
    expect(outcome(comment)).toBe('CONFLICT');
    const retract = await t.gql(
      'mutation ($id: ID!) { retractVote(ideaId: $id) { viewerVote } }',
      { id: idea.gid },
      {
        token: voter.token,
      },
    );
    expect(retract.data!.retractVote).toEqual({ viewerVote: null });
    expect(
      outcome(
        await t.gql(
          'mutation ($id: ID!) { retractVote(ideaId: $id) { id } }',
          { id: idea.gid },
          {
            token: p.citizen.token,
          },
        ),
      ),
    ).toBe('NOT_FOUND');
    // Hidden content takes no more flags.
    expect(outcome(await flag(p.moderator, idea.gid))).toBe('CONFLICT');
    expect(await findDrift(t.app.get(DatabaseService).dataSource)).toEqual([]);
  });

  it('leave a hidden comment as a tombstone in its thread, keeping its replies in place', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const writer = await makeUser(t);
    const rude = await t.gql(COMMENT, { input: { ideaId: idea.gid, body: 'Something rude' } }, { token: writer.token });
    const rudeId = rude.data!.addComment.id;
    await t.gql(
      COMMENT,
      { input: { ideaId: idea.gid, body: 'A reply', parentId: rudeId } },
      { token: p.citizen.token },
    );
    for (const person of await flaggers(3)) expect(outcome(await flag(person, rudeId))).toBe('OK');

    const forCitizen = (await t.gql(THREAD, { id: idea.gid }, { token: p.citizen.token })).data!.idea;
    expect(forCitizen.commentCount).toBe(1);
    expect(forCitizen.comments.totalCount).toBe(1);
    expect(forCitizen.comments.edges[0].node).toEqual({
      id: rudeId,
      body: 'Removed by a moderator.',
      bodyHtml: '<p>Removed by a moderator.</p>',
      visibility: 'HIDDEN',
      hiddenReason: null,
      author: null,
      replies: { edges: [{ node: expect.objectContaining({ body: 'A reply' }) }] },
    });
    const asNode = await t.gql('query ($id: ID!) { node(id: $id) { ... on Comment { body author { id } } } }', {
      id: rudeId,
    });
    expect(asNode.data!.node).toEqual({ body: 'Removed by a moderator.', author: null });
    for (const who of [writer, p.moderator, p.official]) {
      const node = (await t.gql(THREAD, { id: idea.gid }, { token: who.token })).data!.idea.comments.edges[0].node;
      expect(node).toMatchObject({ body: 'Something rude', visibility: 'HIDDEN', author: { id: writer.id } });
      expect(node.hiddenReason).toMatch(/flags/);
    }
    expect(outcome(await flag(p.citizen, rudeId))).toBe('CONFLICT');
    expect(await findDrift(t.app.get(DatabaseService).dataSource)).toEqual([]);
  });

  it('counted under concurrency: simultaneous flags hide once and exactly the threshold gets in', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const people = await flaggers(6);
    const results = await Promise.all(people.map((person) => flag(person, idea.gid)));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(3);
    // The rest arrive once it is hidden: CONFLICT, or NOT_FOUND when it was already hidden as they looked.
    expect(outcomes.filter((o) => o !== 'OK').every((o) => o === 'CONFLICT' || o === 'NOT_FOUND')).toBe(true);
    const rows = await sql(
      "SELECT count(*)::int AS flags, (SELECT idea_count FROM campaigns WHERE id = $2) AS ideas FROM flags WHERE target_id = $1 AND status = 'OPEN'",
      [idea.id, campaign.id],
    );
    expect(rows[0]).toEqual({ flags: 3, ideas: 0 });
    const log = await sql(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'idea.auto_hidden' AND target_id = $1",
      [idea.id],
    );
    expect(log[0].n).toBe(1);
    expect(await findDrift(t.app.get(DatabaseService).dataSource)).toEqual([]);
  });

  it('refuse suspended people, like every other write', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const person = await makeUser(t);
    await sql("UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1", [person.user.id]);
    expect(outcome(await flag(person, idea.gid))).toBe('CONFLICT');
  });
});
