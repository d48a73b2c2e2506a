import { DatabaseService } from '../../src/database/database.service.js';
import { countStatements } from '../support/statements.js';
import type { TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makeUser, outcome, type Personas, appWithPersonas } from '../support/factories.js';

const ADD = `mutation ($input: AddCommentInput!) {
  addComment(input: $input) { id body bodyHtml deleted editedAt visibility author { id } parent { id } idea { id commentCount } }
}`;
const EDIT = 'mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id body editedAt } }';
const DELETE =
  'mutation ($id: ID!) { deleteComment(id: $id) { id body bodyHtml deleted author { id } idea { commentCount } } }';
const THREAD = `query ($id: ID!, $first: Int) { idea(id: $id) { commentCount comments(first: $first) { totalCount edges { node {
  id body deleted author { displayName }
  replies(first: 5) { totalCount edges { node { id body replies(first: 5) { edges { node { id body } } } } } } } } } } }`;

describe('comments', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas({ config: { dbPoolSize: 30 } })));
  afterAll(() => t.close());

  const add = (ideaId: string, body: string, token: string, parentId?: string) =>
    t.gql(ADD, { input: { ideaId, body, ...(parentId ? { parentId } : {}) } }, { token });

  it('thread up to three levels, render Markdown safely, and count', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const top = await add(idea.gid, 'I **agree** <script>x</script>', p.citizen.token);
    expect(top.errors).toBeUndefined();
    expect(top.data!.addComment).toMatchObject({
      deleted: false,
      editedAt: null,
      visibility: 'VISIBLE',
      author: { id: p.citizen.id },
      parent: null,
      idea: { commentCount: 1 },
    });
    expect(top.data!.addComment.bodyHtml).toContain('<strong>agree</strong>');
    expect(top.data!.addComment.bodyHtml).not.toContain('<script>');
    const second = await add(idea.gid, 'Reply', p.author.token, top.data!.addComment.id);
    const third = await add(idea.gid, 'Reply to reply', p.official.token, second.data!.addComment.id);
    expect(third.data!.addComment.parent).toEqual({ id: second.data!.addComment.id });
    const fourth = await add(idea.gid, 'Too deep', p.citizen.token, third.data!.addComment.id);
    expect(fourth.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { parentId: expect.stringMatching(/3 levels/) },
    });
    const thread = await t.gql(THREAD, { id: idea.gid });
    const first = thread.data!.idea.comments.edges[0].node;
    expect(thread.data!.idea.commentCount).toBe(3);
    expect(first.replies.edges[0].node.replies.edges[0].node.body).toBe('Reply to reply');
  });

  it('refuse blank, overlong and misplaced comments, and signed-out or suspended people', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const other = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const foreign = await add(other.gid, 'Elsewhere', p.citizen.token);
    for (const body of ['', '   ', 'x'.repeat(2001)]) {
      expect((await add(idea.gid, body, p.citizen.token)).errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { body: expect.any(String) },
      });
    }
    expect(outcome(await add(idea.gid, 'Wrong thread', p.citizen.token, foreign.data!.addComment.id))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(await add(idea.gid, 'Bad parent', p.citizen.token, 'garbage'))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(ADD, { input: { ideaId: idea.gid, body: 'Anonymous' } }))).toBe('UNAUTHENTICATED');
    expect(outcome(await add('garbage', 'No idea', p.citizen.token))).toBe('NOT_FOUND');
    const suspended = await makeUser(t);
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1", [
        suspended.user.id,
      ]);
    expect(outcome(await add(idea.gid, 'Suspended', suspended.token))).toBe('CONFLICT');
  });

  it('let authors edit and delete their own, softly and idempotently; others get FORBIDDEN', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const top = (await add(idea.gid, 'Original', p.citizen.token)).data!.addComment;
    const reply = (await add(idea.gid, 'Reply stays', p.author.token, top.id)).data!.addComment;
    for (const who of [p.author, p.official, p.otherOfficial, p.moderator, p.admin]) {
      expect(outcome(await t.gql(EDIT, { id: top.id, body: 'Hijacked' }, { token: who.token }))).toBe('FORBIDDEN');
      expect(outcome(await t.gql(DELETE, { id: top.id }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect(outcome(await t.gql(EDIT, { id: top.id, body: 'Anonymous edit' }))).toBe('UNAUTHENTICATED');
    expect(outcome(await t.gql(EDIT, { id: top.id, body: '  ' }, { token: p.citizen.token }))).toBe('BAD_USER_INPUT');
    const edited = await t.gql(EDIT, { id: top.id, body: 'Edited text' }, { token: p.citizen.token });
    expect(edited.data!.editComment.body).toBe('Edited text');
    expect(edited.data!.editComment.editedAt).not.toBeNull();
    const deleted = await t.gql(DELETE, { id: top.id }, { token: p.citizen.token });
    expect(deleted.data!.deleteComment).toMatchObject({
      body: '',
      bodyHtml: '',
      deleted: true,
      author: null,
      idea: { commentCount: 1 },
    });
    const again = await t.gql(DELETE, { id: top.id }, { token: p.citizen.token });
    expect(again.data!.deleteComment).toMatchObject({ deleted: true, idea: { commentCount: 1 } });
    expect(outcome(await t.gql(EDIT, { id: top.id, body: 'Back from the dead' }, { token: p.citizen.token }))).toBe(
      'CONFLICT',
    );
    const thread = await t.gql(THREAD, { id: idea.gid });
    const node = thread.data!.idea.comments.edges[0].node;
    expect(node).toMatchObject({ deleted: true, body: '', author: null });
    expect(node.replies.edges[0].node).toMatchObject({ id: reply.id, body: 'Reply stays' });
  });

  it('page top-level comments and replies oldest first', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await add(idea.gid, `Comment ${i}`, p.citizen.token)).data!.addComment.id);
    const PAGE =
      'query ($id: ID!, $after: String) { idea(id: $id) { comments(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const result: any = await t.gql(PAGE, { id: idea.gid, after });
      expect(result.data.idea.comments.totalCount).toBe(5);
      seen.push(...result.data.idea.comments.edges.map((e: any) => e.node.id));
      after = result.data.idea.comments.pageInfo.hasNextPage ? result.data.idea.comments.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(made);
  });

  it('keep commentCount exact under 20 simultaneous comments and deletions', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const people = await Promise.all(Array.from({ length: 20 }, () => makeUser(t)));
    const added = await Promise.all(people.map((person) => add(idea.gid, 'At once', person.token)));
    expect(added.map(outcome).filter((o) => o !== 'OK')).toEqual([]);
    await Promise.all(
      added
        .slice(0, 7)
        .map((result, i) => t.gql(DELETE, { id: result.data!.addComment.id }, { token: people[i]!.token })),
    );
    const [row] = await t.app
      .get(DatabaseService)
      .dataSource.query(
        'SELECT comment_count, (SELECT count(*)::int FROM comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL) AS actual FROM ideas i WHERE id = $1',
        [idea.id],
      );
    expect(row).toEqual({ comment_count: 13, actual: 13 });
  });

  it('load the replies of a whole page of comments in the same number of queries, however many', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    for (let i = 0; i < 12; i++) {
      const top = (await add(idea.gid, `Top ${i}`, p.citizen.token)).data!.addComment.id;
      await add(idea.gid, `Reply ${i}`, p.author.token, top);
    }
    const count = async (first: number) =>
      countStatements(async () => {
        const result = await t.gql(THREAD, { id: idea.gid, first }, { token: p.citizen.token });
        expect(result.data!.idea.comments.edges).toHaveLength(first);
      });
    const small = await count(2);
    const large = await count(12);
    expect(small).toBeGreaterThanOrEqual(4);
    expect(large).toBe(small);
  });
});
