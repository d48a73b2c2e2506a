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
const CARDS = `query ($status: FlagStatus) { flaggedContent(status: $status, first: 30) { totalCount edges { node {
  targetId flagCount firstFlaggedAt lastFlaggedAt flags { id reason note status reporter { id } }
  target { __typename ... on Idea { id title bodyHtml visibility } ... on Comment { id bodyHtml visibility } } } } } }`;
const DECIDE = `mutation ($input: DecideOnFlaggedContentInput!) { decideOnFlaggedContent(input: $input) {
  __typename ... on Idea { visibility hiddenReason } ... on Comment { visibility } } }`;
const LOG = `query ($action: String, $actorId: ID) { moderationLog(first: 50, action: $action, actorId: $actorId) {
  edges { node { action targetType targetName ideaId campaignSlug from to until flagCount reason actor { id } } } } }`;

describe('the back office: cards of flagged content, the log in words, suspensions, people, agencies', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const flag = async (targetId: string, reason = 'SPAM', person?: TestUser) => {
    const result = await t.gql(
      FLAG,
      { input: { targetId, reason, note: `Note ${reason}` } },
      {
        token: (person ?? (await makeUser(t))).token,
      },
    );
    expect(outcome(result)).toBe('OK');
  };
  const cards = async (who: TestUser, status = 'OPEN') =>
    (await t.gql(CARDS, { status }, { token: who.token })).data!.flaggedContent;
  const card = async (who: TestUser, targetId: string, status = 'OPEN') =>
    (await cards(who, status)).edges.map((e: any) => e.node).find((n: any) => n.targetId === targetId);
  const decide = (who: TestUser, targetId: string, decision: string, reason = 'Checked against the rules') =>
    t.gql(DECIDE, { input: { targetId, decision, reason } }, { token: who.token });

  it('groups every flag of a piece of content on one card, in the reviewer’s scope', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author, { body: 'Some **bold** words' });
    const theirs = await makeIdea(t, await makeCampaign(t, p.otherAgency), p.author);
    await flag(idea.gid, 'SPAM');
    await flag(idea.gid, 'ABUSE');
    await flag(theirs.gid);
    const mine = await card(p.moderator, idea.gid);
    expect(mine.flagCount).toBe(2);
    expect(mine.flags.map((f: any) => f.reason)).toEqual(['SPAM', 'ABUSE']);
    expect(mine.flags.every((f: any) => f.status === 'OPEN' && f.note)).toBe(true);
    expect(mine.target.bodyHtml).toContain('<strong>bold</strong>');
    expect(new Date(mine.firstFlaggedAt) <= new Date(mine.lastFlaggedAt)).toBe(true);
    expect(await card(p.official, idea.gid)).toBeDefined();
    expect(await card(p.official, theirs.gid)).toBeUndefined();
    expect(outcome(await t.gql(CARDS, {}, { token: p.citizen.token }))).toBe('FORBIDDEN');
  });

  it('takes one decision with a reason for all the flags, and reopens dismissed ones', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    await flag(idea.gid, 'SPAM');
    await flag(idea.gid, 'OFF_TOPIC');
    const noReason = await decide(p.moderator, idea.gid, 'DISMISS', '   ');
    expect(outcome(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0]!.extensions!.fields.reason).toBeTruthy();
    expect(await card(p.moderator, idea.gid)).toBeDefined();

    expect(outcome(await decide(p.official, idea.gid, 'DISMISS'))).toBe('OK');
    expect(await card(p.moderator, idea.gid)).toBeUndefined();
    expect((await card(p.moderator, idea.gid, 'DISMISSED')).flagCount).toBe(2);
    const again = await decide(p.moderator, idea.gid, 'DISMISS');
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_OPEN_FLAGS' });

    expect(outcome(await decide(p.moderator, idea.gid, 'REOPEN', 'The reporter wrote again'))).toBe('OK');
    expect((await card(p.moderator, idea.gid)).flagCount).toBe(2);
    expect(await card(p.moderator, idea.gid, 'DISMISSED')).toBeUndefined();

    const hidden = await decide(p.moderator, idea.gid, 'HIDE', 'Advertising');
    expect(hidden.data!.decideOnFlaggedContent).toEqual({
      __typename: 'Idea',
      visibility: 'HIDDEN',
      hiddenReason: 'Advertising',
    });
    expect((await card(p.moderator, idea.gid, 'ACTIONED')).flagCount).toBe(2);
    const twice = await decide(p.moderator, idea.gid, 'HIDE');
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_HIDDEN' });
    const restored = await decide(p.moderator, idea.gid, 'RESTORE', 'Appeal accepted');
    expect(restored.data!.decideOnFlaggedContent.visibility).toBe('VISIBLE');
    const notHidden = await decide(p.moderator, idea.gid, 'RESTORE');
    expect(notHidden.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_HIDDEN' });
    expect(outcome(await decide(p.otherOfficial, idea.gid, 'HIDE'))).toBe('FORBIDDEN');
  });

  it('brings back content hidden by flags alone when its flags are dismissed; keeping it hidden stops that', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const auto = await makeIdea(t, campaign, p.author);
    const kept = await makeIdea(t, campaign, p.author);
    for (const idea of [auto, kept]) for (const reason of ['SPAM', 'ABUSE', 'OFF_TOPIC']) await flag(idea.gid, reason);
    const state = async (id: string) =>
      (await t.gql('query ($id: ID!) { idea(id: $id) { visibility } }', { id }, { token: p.moderator.token })).data!
        .idea.visibility;
    expect(await state(auto.gid)).toBe('HIDDEN');
    expect((await card(p.moderator, auto.gid)).flagCount).toBe(3);
    await decide(p.moderator, auto.gid, 'DISMISS', 'Not spam: a real proposal');
    expect(await state(auto.gid)).toBe('VISIBLE');

    const keep = await decide(p.moderator, kept.gid, 'HIDE', 'Really spam');
    expect(keep.data!.decideOnFlaggedContent.visibility).toBe('HIDDEN');
    await flag(kept.gid, 'SPAM').catch(() => {});
    expect(await state(kept.gid)).toBe('HIDDEN');
    const log = (await t.gql(LOG, { action: 'idea.kept_hidden' }, { token: p.moderator.token })).data!.moderationLog;
    expect(log.edges[0].node).toMatchObject({ targetName: kept.title, flagCount: 3, reason: 'Really spam' });
  });

  it('tells the log in words: what the target is called, where it is, from and to, and filters it', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author, { title: 'Shade trees on Main Street' });
    await t.gql(
      'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
      { input: { ideaId: idea.gid, body: 'We will plant them.', status: 'ACCEPTED' } },
      { token: p.official.token },
    );
    const answered = (
      await t.gql(LOG, { action: 'idea.response_posted', actorId: p.official.id }, { token: p.moderator.token })
    ).data!.moderationLog.edges.map((e: any) => e.node);
    expect(answered[0]).toMatchObject({
      action: 'idea.response_posted',
      targetType: 'Idea',
      targetName: 'Shade trees on Main Street',
      ideaId: idea.gid,
      from: 'SUBMITTED',
      to: 'ACCEPTED',
      actor: { id: p.official.id },
    });
    const byModerator = (await t.gql(LOG, { actorId: p.moderator.id }, { token: p.moderator.token })).data!
      .moderationLog;
    expect(byModerator.edges.every((e: any) => e.node.actor.id === p.moderator.id)).toBe(true);
    const actors = await t.gql('{ moderationLogActors { id displayName } }', {}, { token: p.moderator.token });
    expect(actors.data!.moderationLogActors.map((a: any) => a.id)).toEqual(expect.arrayContaining([p.official.id]));
    expect(outcome(await t.gql('{ moderationLogActors { id } }', {}, { token: p.citizen.token }))).toBe('FORBIDDEN');
  });

  it('lifts a suspension early, audited, and the person takes part again', async () => {
    const person = await makeUser(t);
    const until = new Date(Date.now() + 7 * 86400000).toISOString();
    await t.gql(
      'mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id } }',
      {
        input: { userId: person.id, until, reason: 'Insults' },
      },
      { token: p.moderator.token },
    );
    const suspended = await t.gql(
      '{ people(suspended: true, first: 100) { edges { node { user { id } suspendedUntil suspensionReason } } } }',
      {},
      { token: p.moderator.token },
    );
    expect(suspended.data!.people.edges.map((e: any) => e.node)).toContainEqual({
      user: { id: person.id },
      suspendedUntil: until,
      suspensionReason: 'Insults',
    });
    const LIFT = 'mutation ($id: ID!, $reason: String!) { liftSuspension(userId: $id, reason: $reason) { id } }';
    expect(outcome(await t.gql(LIFT, { id: person.id, reason: 'Apologised' }, { token: p.citizen.token }))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(await t.gql(LIFT, { id: person.id, reason: '' }, { token: p.moderator.token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(await t.gql(LIFT, { id: person.id, reason: 'Apologised' }, { token: p.moderator.token }))).toBe(
      'OK',
    );
    const again = await t.gql(LIFT, { id: person.id, reason: 'Apologised' }, { token: p.moderator.token });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUSPENDED' });
    const fresh = await makeUser(t);
    const signedIn = await t.gql('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
      input: { email: person.email, password: 'correct horse battery staple' },
    });
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), fresh);
    const vote = await t.gql(
      'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }',
      {
        id: idea.gid,
      },
      { token: signedIn.data!.signIn.token },
    );
    expect(outcome(vote)).toBe('OK');
    const log = (await t.gql(LOG, { action: 'user.suspension_lifted' }, { token: p.admin.token })).data!.moderationLog;
    expect(log.edges[0].node).toMatchObject({ targetName: person.user.displayName, reason: 'Apologised', until });
  });

  it('lists people for admins (by name or address) and moderators (by name), private fields by role', async () => {
    const person = await makeUser(t, { name: 'Zelda Quarrington' });
    const PEOPLE = `query ($search: String, $role: Role) { people(search: $search, role: $role, first: 50) {
      totalCount edges { node { user { id displayName role } email emailVerified } } } }`;
    const byEmail = await t.gql(PEOPLE, { search: person.email.toUpperCase() }, { token: p.admin.token });
    expect(byEmail.data!.people.edges.map((e: any) => e.node)).toEqual([
      {
        user: { id: person.id, displayName: 'Zelda Quarrington', role: 'CITIZEN' },
        email: person.email,
        emailVerified: true,
      },
    ]);
    const moderatorByEmail = await t.gql(PEOPLE, { search: person.email }, { token: p.moderator.token });
    expect(moderatorByEmail.data!.people.totalCount).toBe(0);
    const moderatorByName = await t.gql(PEOPLE, { search: 'quarrington' }, { token: p.moderator.token });
    expect(moderatorByName.data!.people.edges[0].node).toMatchObject({
      user: { id: person.id },
      email: null,
      emailVerified: null,
    });
    const moderators = await t.gql(PEOPLE, { role: 'MODERATOR' }, { token: p.admin.token });
    expect(moderators.data!.people.edges.every((e: any) => e.node.user.role === 'MODERATOR')).toBe(true);
    expect(moderators.data!.people.edges.map((e: any) => e.node.user.id)).toContain(p.moderator.id);
    expect(outcome(await t.gql(PEOPLE, {}, { token: p.official.token }))).toBe('FORBIDDEN');
    const wildcard = await t.gql(PEOPLE, { search: '%' }, { token: p.admin.token });
    expect(wildcard.data!.people.totalCount).toBe(0);
  });

  it('lets admins and agency admins edit an agency and remove members, never its last agency admin', async () => {
    const UPDATE = 'mutation ($input: UpdateAgencyInput!) { updateAgency(input: $input) { name description slug } }';
    const REMOVE =
      'mutation ($a: ID!, $u: ID!) { removeAgencyMember(agencyId: $a, userId: $u) { members { user { id } } } }';
    const slug = p.agency.slug;
    const updated = await t.gql(
      UPDATE,
      { input: { id: p.agency.gid, name: 'Parks Department', description: 'Green things' } },
      {
        token: p.agencyAdmin.token,
      },
    );
    expect(updated.data!.updateAgency).toEqual({ name: 'Parks Department', description: 'Green things', slug });
    expect(outcome(await t.gql(UPDATE, { input: { id: p.agency.gid, name: 'x' } }, { token: p.admin.token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      outcome(await t.gql(UPDATE, { input: { id: p.agency.gid, name: 'Mine now' } }, { token: p.official.token })),
    ).toBe('FORBIDDEN');
    const removed = await t.gql(REMOVE, { a: p.agency.gid, u: p.official.id }, { token: p.agencyAdmin.token });
    expect(removed.data!.removeAgencyMember.members.map((m: any) => m.user.id)).not.toContain(p.official.id);
    const last = await t.gql(REMOVE, { a: p.agency.gid, u: p.agencyAdmin.id }, { token: p.admin.token });
    expect(last.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_AGENCY_ADMIN' });
    const notMember = await t.gql(REMOVE, { a: p.agency.gid, u: p.citizen.id }, { token: p.admin.token });
    expect(outcome(notMember)).toBe('NOT_FOUND');
    const log = (await t.gql(LOG, { action: 'agency.member_removed' }, { token: p.admin.token })).data!.moderationLog;
    expect(log.edges[0].node).toMatchObject({ targetType: 'User', from: 'OFFICIAL' });
  });

  it('shows a public profile: listed ideas and comments of public campaigns only', async () => {
    const person = await makeUser(t);
    const open = await makeCampaign(t, p.agency);
    const shown = await makeIdea(t, open, person, { title: 'Benches by the river' });
    const hidden = await makeIdea(t, open, person, { title: 'A hidden one' });
    await t.gql(
      'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Spam") { __typename } }',
      { id: hidden.gid },
      {
        token: p.moderator.token,
      },
    );
    const ADD = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
    const kept = await t.gql(ADD, { input: { ideaId: shown.gid, body: 'I would use them' } }, { token: person.token });
    const gone = await t.gql(ADD, { input: { ideaId: shown.gid, body: 'Never mind' } }, { token: person.token });
    await t.gql(
      'mutation ($id: ID!) { deleteComment(id: $id) { id } }',
      { id: gone.data!.addComment.id },
      {
        token: person.token,
      },
    );
    const PROFILE = `query ($id: ID!) { node(id: $id) { ... on User { displayName createdAt
      ideas(first: 10) { totalCount edges { node { title } } } comments(first: 10) { totalCount edges { node { id body } } } } } }`;
    for (const token of [undefined, p.moderator.token]) {
      const profile = (await t.gql(PROFILE, { id: person.id }, { token })).data!.node;
      expect(profile.ideas.edges.map((e: any) => e.node.title)).toEqual(['Benches by the river']);
      expect(profile.ideas.totalCount).toBe(1);
      expect(profile.comments.edges).toEqual([{ node: { id: kept.data!.addComment.id, body: 'I would use them' } }]);
    }
  });
});
