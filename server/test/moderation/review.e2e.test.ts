import { DatabaseService } from '../../src/database/database.service.js';
import { findDrift } from '../../src/modules/votes/reconciliation.js';
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

const FLAG = 'mutation ($input: FlagContentInput!) { flagContent(input: $input) { id } }';
const QUEUE = `query ($status: FlagStatus) { moderationQueue(status: $status, first: 50) { totalCount edges { node {
  id reason note status openFlagCount reporter { id }
  target { __typename
    ... on Idea { id title body author { id } campaign { id title } }
    ... on Comment { id body author { id } idea { id title campaign { id } } } } } } } }`;
const RESOLVE = `mutation ($input: ResolveFlagInput!) { resolveFlag(input: $input) {
  id status resolvedAt resolvedBy { id } openFlagCount target { ... on Idea { visibility hiddenReason } } } }`;
const HIDE = `mutation ($id: ID!, $reason: String!) { hideContent(targetId: $id, reason: $reason) {
  __typename ... on Idea { visibility hiddenReason } ... on Comment { visibility hiddenReason body } } }`;
const RESTORE = `mutation ($id: ID!, $reason: String!) { restoreContent(targetId: $id, reason: $reason) {
  __typename ... on Idea { visibility hiddenReason } ... on Comment { visibility hiddenReason } } }`;
const LOG = '{ moderationLog(first: 50) { edges { node { action targetId reason actor { id } } } } }';
const ideaView = 'query ($id: ID!) { idea(id: $id) { visibility campaign { ideaCount } } }';

describe('reviewing flags: the queue, decisions and the log', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const flag = async (targetId: string, person?: TestUser, reason = 'ABUSE') => {
    const result = await t.gql(
      FLAG,
      { input: { targetId, reason, note: 'Please look' } },
      {
        token: (person ?? (await makeUser(t))).token,
      },
    );
    expect(outcome(result)).toBe('OK');
    return result.data!.flagContent.id as string;
  };
  const queueOf = async (who: TestUser | undefined, status?: string) =>
    t.gql(QUEUE, status ? { status } : {}, { token: who?.token });
  const ids = (result: { data?: any }) => result.data!.moderationQueue.edges.map((e: any) => e.node.id);

  it('is scoped: moderators and admins see all, officials their agency, citizens nothing', async () => {
    const ours = await makeIdea(t, await makeCampaign(t, p.agency), p.author, { title: 'Our idea' });
    const theirs = await makeIdea(t, await makeCampaign(t, p.otherAgency), p.author);
    const comment = await t.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { ideaId: ours.gid, body: 'A comment to check' } },
      { token: p.author.token },
    );
    const commentId = comment.data!.addComment.id;
    const onOurs = await flag(ours.gid);
    const onTheirs = await flag(theirs.gid);
    const onComment = await flag(commentId);

    for (const who of [p.moderator, p.admin]) expect(ids(await queueOf(who))).toEqual([onOurs, onTheirs, onComment]);
    for (const who of [p.official, p.agencyAdmin]) expect(ids(await queueOf(who))).toEqual([onOurs, onComment]);
    expect(ids(await queueOf(p.otherOfficial))).toEqual([onTheirs]);
    expect(outcome(await queueOf(p.citizen))).toBe('FORBIDDEN');
    expect(outcome(await queueOf(undefined))).toBe('UNAUTHENTICATED');

    // Each entry carries what a reviewer needs to decide.
    const entries = (await queueOf(p.official)).data!.moderationQueue.edges.map((e: any) => e.node);
    expect(entries[0]).toMatchObject({
      reason: 'ABUSE',
      note: 'Please look',
      status: 'OPEN',
      openFlagCount: 1,
      target: {
        __typename: 'Idea',
        title: 'Our idea',
        author: { id: p.author.id },
        campaign: { id: expect.any(String) },
      },
    });
    expect(entries[1].target).toMatchObject({
      __typename: 'Comment',
      body: 'A comment to check',
      author: { id: p.author.id },
      idea: { id: ours.gid },
    });
    expect((await queueOf(p.moderator, 'DISMISSED')).data!.moderationQueue.totalCount).toBe(0);
  });

  it('resolves flags: dismissing the last open flag of auto-hidden content restores it', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const flags = [await flag(idea.gid), await flag(idea.gid), await flag(idea.gid)];
    expect((await t.gql(ideaView, { id: idea.gid }, { token: p.author.token })).data!.idea).toEqual({
      visibility: 'HIDDEN',
      campaign: { ideaCount: 0 },
    });
    const dismiss = (flagId: string, who: TestUser = p.official) =>
      t.gql(RESOLVE, { input: { flagId, resolution: 'DISMISS', reason: 'Fair criticism' } }, { token: who.token });

    expect(outcome(await dismiss(flags[0]!, p.otherOfficial))).toBe('FORBIDDEN');
    expect(outcome(await dismiss(flags[0]!, p.citizen))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(RESOLVE, { input: { flagId: flags[0], resolution: 'DISMISS' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(outcome(await dismiss(idea.gid))).toBe('NOT_FOUND');
    const tooLong = await t.gql(
      RESOLVE,
      { input: { flagId: flags[0], resolution: 'DISMISS', reason: 'x'.repeat(501) } },
      { token: p.moderator.token },
    );
    expect(tooLong.errors![0]!.extensions!.fields).toHaveProperty('reason');

    const first = await dismiss(flags[0]!);
    expect(first.data!.resolveFlag).toMatchObject({
      status: 'DISMISSED',
      resolvedBy: { id: p.official.id },
      openFlagCount: 2,
      target: { visibility: 'HIDDEN' },
    });
    expect((await dismiss(flags[0]!)).data!.resolveFlag.status).toBe('DISMISSED');
    const other = await t.gql(
      RESOLVE,
      { input: { flagId: flags[0], resolution: 'HIDE_CONTENT' } },
      {
        token: p.moderator.token,
      },
    );
    expect(outcome(other)).toBe('CONFLICT');
    await dismiss(flags[1]!, p.moderator);
    const last = await dismiss(flags[2]!, p.admin);
    expect(last.data!.resolveFlag).toMatchObject({
      openFlagCount: 0,
      target: { visibility: 'VISIBLE', hiddenReason: null },
    });
    expect((await t.gql(ideaView, { id: idea.gid })).data!.idea).toEqual({
      visibility: 'VISIBLE',
      campaign: { ideaCount: 1 },
    });
    const log = (await t.gql(LOG, {}, { token: p.moderator.token })).data!.moderationLog.edges.map((e: any) => e.node);
    expect(log.filter((e: any) => e.action === 'flag.dismissed')).toHaveLength(3);
    expect(log).toContainEqual({
      action: 'idea.restored',
      targetId: idea.gid,
      reason: 'Every flag was dismissed.',
      actor: { id: p.admin.id },
    });
    expect(await findDrift(t.app.get(DatabaseService).dataSource)).toEqual([]);
  });

  it('resolves a flag by hiding the content, which actions every open flag on it', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const [a, b] = [await flag(idea.gid), await flag(idea.gid)];
    const hidden = await t.gql(
      RESOLVE,
      { input: { flagId: a, resolution: 'HIDE_CONTENT' } },
      {
        token: p.moderator.token,
      },
    );
    expect(hidden.data!.resolveFlag).toMatchObject({
      status: 'ACTIONED',
      openFlagCount: 0,
      target: { visibility: 'HIDDEN', hiddenReason: 'Hidden after review of a flag (ABUSE).' },
    });
    const again = await t.gql(
      RESOLVE,
      { input: { flagId: b, resolution: 'HIDE_CONTENT' } },
      { token: p.official.token },
    );
    expect(again.data!.resolveFlag.status).toBe('ACTIONED');
    expect((await t.gql(ideaView, { id: idea.gid })).data!.idea).toBeNull();
    // A moderator's decision is not undone by dismissing flags: only restoreContent brings it back.
    const dismissed = await t.gql(
      RESOLVE,
      { input: { flagId: b, resolution: 'DISMISS' } },
      { token: p.official.token },
    );
    expect(outcome(dismissed)).toBe('CONFLICT');
  });

  it('hides and restores content with a reason, idempotently, and logs each decision', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const open = await flag(idea.gid);
    const commentResult = await t.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { ideaId: idea.gid, body: 'My phone number is ...' } },
      { token: p.citizen.token },
    );
    const commentId = commentResult.data!.addComment.id;

    expect(outcome(await t.gql(HIDE, { id: idea.gid, reason: 'Spam' }))).toBe('UNAUTHENTICATED');
    expect(outcome(await t.gql(HIDE, { id: idea.gid, reason: 'Spam' }, { token: p.citizen.token }))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(HIDE, { id: idea.gid, reason: 'Spam' }, { token: p.otherOfficial.token }))).toBe(
      'FORBIDDEN',
    );
    const noReason = await t.gql(HIDE, { id: idea.gid, reason: '   ' }, { token: p.moderator.token });
    expect(noReason.errors![0]!.extensions!.fields).toHaveProperty('reason');
    expect(outcome(await t.gql(HIDE, { id: p.agency.gid, reason: 'Spam' }, { token: p.moderator.token }))).toBe(
      'NOT_FOUND',
    );

    const hidComment = await t.gql(
      HIDE,
      { id: commentId, reason: 'Personal information' },
      { token: p.official.token },
    );
    expect(hidComment.data!.hideContent).toEqual({
      __typename: 'Comment',
      visibility: 'HIDDEN',
      hiddenReason: 'Personal information',
      body: 'My phone number is ...',
    });
    const hid = await t.gql(HIDE, { id: idea.gid, reason: 'Off topic' }, { token: p.moderator.token });
    expect(hid.data!.hideContent).toEqual({ __typename: 'Idea', visibility: 'HIDDEN', hiddenReason: 'Off topic' });
    expect(
      (await t.gql(HIDE, { id: idea.gid, reason: 'Again' }, { token: p.moderator.token })).data!.hideContent,
    ).toMatchObject({ hiddenReason: 'Off topic' });
    const [openFlag] = await t.app
      .get(DatabaseService)
      .dataSource.query('SELECT status FROM flags WHERE id::text = $1', [
        Buffer.from(open, 'base64url').toString().split(':')[1],
      ]);
    expect(openFlag.status).toBe('ACTIONED');
    expect((await t.gql(ideaView, { id: idea.gid })).data!.idea).toBeNull();

    const restored = await t.gql(RESTORE, { id: idea.gid, reason: 'Reviewed again' }, { token: p.agencyAdmin.token });
    expect(restored.data!.restoreContent).toEqual({ __typename: 'Idea', visibility: 'VISIBLE', hiddenReason: null });
    expect(
      (await t.gql(RESTORE, { id: idea.gid, reason: 'Twice' }, { token: p.moderator.token })).data!.restoreContent,
    ).toMatchObject({ visibility: 'VISIBLE' });
    expect((await t.gql(ideaView, { id: idea.gid })).data!.idea).toEqual({
      visibility: 'VISIBLE',
      campaign: { ideaCount: 1 },
    });
    await t.gql(RESTORE, { id: commentId, reason: 'Number removed' }, { token: p.moderator.token });
    const count = await t.gql('query ($id: ID!) { idea(id: $id) { commentCount } }', { id: idea.gid });
    expect(count.data!.idea.commentCount).toBe(1);

    const entries = (await t.gql(LOG, {}, { token: p.official.token })).data!.moderationLog.edges.map(
      (e: any) => e.node,
    );
    const mine = entries.filter((e: any) => [idea.gid, commentId].includes(e.targetId));
    expect(mine).toEqual([
      { action: 'comment.restored', targetId: commentId, reason: 'Number removed', actor: { id: p.moderator.id } },
      { action: 'idea.restored', targetId: idea.gid, reason: 'Reviewed again', actor: { id: p.agencyAdmin.id } },
      { action: 'idea.hidden', targetId: idea.gid, reason: 'Off topic', actor: { id: p.moderator.id } },
      { action: 'comment.hidden', targetId: commentId, reason: 'Personal information', actor: { id: p.official.id } },
    ]);
    // Another agency's officials do not read these entries.
    const theirs = (await t.gql(LOG, {}, { token: p.otherOfficial.token })).data!.moderationLog.edges;
    expect(theirs.filter((e: any) => [idea.gid, commentId].includes(e.node.targetId))).toEqual([]);
    expect(await findDrift(t.app.get(DatabaseService).dataSource)).toEqual([]);
  });
});
