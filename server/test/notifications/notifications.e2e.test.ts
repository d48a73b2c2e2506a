import { AgencyRole, Role } from '@consulta/shared';
import { DatabaseService } from '../../src/database/database.service.js';
import { outboxRepository } from '../../src/events/outbox.repository.js';
import { NotificationMailService } from '../../src/modules/notifications/notification-mail.service.js';
import type { TestApp } from '../support/app.js';
import { startMailApp } from '../support/mail-app.js';
import type { SmtpSink } from '../support/smtp.js';
import {
  makeAgency,
  makeCampaign,
  makeIdea,
  makeMember,
  makeUser,
  outcome,
  type TestUser,
} from '../support/factories.js';
import { waitFor } from '../support/wait.js';

const NOTIFICATIONS = `query ($unreadOnly: Boolean) { viewer { unreadNotificationCount
  notifications(first: 50, unreadOnly: $unreadOnly) { totalCount edges { node {
    id kind summary readAt campaign { title } idea { title } comment { body } response { body } } } } } }`;
const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }';
const FOLLOW = 'mutation ($id: ID!) { followIdea(ideaId: $id) { id } }';
const RESPOND = `mutation ($id: ID!) { postOfficialResponse(input: { ideaId: $id, body: "We will do it this spring.", status: ACCEPTED }) { id } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const MARK = 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }';
const PREFERENCES = `mutation ($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { notificationPreferences { emailFrequency mutedKinds } } }`;

type Node = { id: string; kind: string; summary: string; readAt: string | null; idea: { title: string } | null };

describe('notifications: created from events, set-based, for the right people, read and mailed', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const sql = (text: string, params: unknown[] = []): Promise<any[]> =>
    t.app.get(DatabaseService).dataSource.query(text, params);

  async function inbox(person: TestUser, unreadOnly = false) {
    const result = await t.gql(NOTIFICATIONS, { unreadOnly }, { token: person.token });
    expect(result.errors).toBeUndefined();
    const viewer = result.data!.viewer;
    return {
      count: viewer.unreadNotificationCount as number,
      nodes: viewer.notifications.edges.map((e: any) => e.node) as Node[],
    };
  }

  /** Waits until every event so far has been delivered to the notifications subscriber. */
  async function settled() {
    await waitFor('notifications delivered', async () => {
      const [row] = await sql(
        `SELECT count(*)::int AS n FROM domain_events e
          WHERE e.relayed_at IS NULL OR EXISTS (SELECT 1 FROM event_deliveries d
                 WHERE d.event_id = e.id AND d.subscriber = 'notifications' AND d.state = 'PENDING')`,
      );
      return row.n === 0;
    });
  }

  beforeAll(async () => ({ sink, t } = await startMailApp(500)));
  afterAll(async () => t?.close());

  it('an answer tells the author, followers and voters once each (never the official), in each one’s language', async () => {
    const agency = await makeAgency(t, 'Parks Department');
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    const campaign = await makeCampaign(t, agency);
    const [author, follower, voter, both, bystander] = await Promise.all([
      makeUser(t),
      makeUser(t, { language: 'es' }),
      makeUser(t),
      makeUser(t),
      makeUser(t),
    ]);
    const idea = await makeIdea(t, campaign, author, { title: 'Shade trees on Main Street' });
    await t.gql(FOLLOW, { id: idea.gid }, { token: follower.token });
    await t.gql(VOTE, { id: idea.gid }, { token: voter.token });
    await t.gql(VOTE, { id: idea.gid }, { token: both.token });
    await t.gql(FOLLOW, { id: idea.gid }, { token: both.token });
    await t.gql(VOTE, { id: idea.gid }, { token: official.token });
    expect(outcome(await t.gql(RESPOND, { id: idea.gid }, { token: official.token }))).toBe('OK');
    await settled();

    const [row] = await sql(
      "SELECT count(*)::int AS n FROM notifications WHERE idea_id = $1 AND kind = 'OFFICIAL_RESPONSE'",
      [idea.id],
    );
    expect(row.n).toBe(4);
    for (const person of [author, voter, both]) {
      const { count, nodes } = await inbox(person);
      expect(count).toBe(1);
      expect(nodes).toHaveLength(1);
      expect(nodes[0]).toMatchObject({
        kind: 'OFFICIAL_RESPONSE',
        summary: 'Parks Department answered “Shade trees on Main Street”: accepted.',
        readAt: null,
        idea: { title: 'Shade trees on Main Street' },
      });
    }
    expect((await inbox(follower)).nodes[0]!.summary).toBe(
      'Parks Department respondió a «Shade trees on Main Street»: aceptada.',
    );
    expect((await inbox(official)).count).toBe(0);
    expect((await inbox(bystander)).count).toBe(0);

    // Immediately (the default): one message each, in the person's language, with one-click unsubscribe.
    const [mail] = await sink.waitFor(follower.email);
    expect(mail!.parsed.subject).toBe('Parks Department respondió a «Shade trees on Main Street»: aceptada.');
    expect(mail!.parsed.headers.get('content-language')).toBe('es');
    const unsubscribe = /<(http:\/\/consulta\.test\/unsubscribe\?token=[0-9a-f]{64})>/.exec(
      String(mail!.raw.replace(/\r?\n[ \t]+/g, ' ').match(/^List-Unsubscribe: .*$/im)?.[0]),
    );
    expect(unsubscribe).not.toBeNull();
    expect(mail!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
    expect(String(mail!.parsed.html)).toContain(`href="http://consulta.test/ideas/${idea.gid}"`);
    expect(String(mail!.parsed.html)).toContain('href="http://consulta.test/settings"');
    expect(mail!.parsed.text).toContain(unsubscribe![1]);
    await Promise.all([author, voter, both].map((person) => sink.waitFor(person.email)));
    expect(sink.received.filter((m) => m.to === official.email)).toHaveLength(0);

    // One click (RFC 8058): a POST with that body and no session; then no more mail, still in the app.
    const click = await fetch(unsubscribe![1]!.replace('http://consulta.test', t.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    const prefs = await t.gql(
      '{ viewer { notificationPreferences { emailFrequency } } }',
      {},
      { token: follower.token },
    );
    expect(prefs.data!.viewer.notificationPreferences.emailFrequency).toBe('NEVER');
    const again = await t.gql(RESPOND, { id: idea.gid }, { token: official.token });
    expect(outcome(again)).toBe('OK');
    await settled();
    await sink.waitFor(author.email, 2);
    expect((await inbox(follower)).count).toBe(2);
    expect(sink.received.filter((m) => m.to === follower.email)).toHaveLength(1);
  });

  it('marks read by id or all at once; others’ ids change nothing; unreadOnly lists what is left', async () => {
    const agency = await makeAgency(t);
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    const campaign = await makeCampaign(t, agency);
    const [author, other] = await Promise.all([makeUser(t), makeUser(t)]);
    const ideas = await Promise.all([1, 2, 3].map(() => makeIdea(t, campaign, author)));
    const otherIdea = await makeIdea(t, campaign, other);
    for (const idea of [...ideas, otherIdea]) await t.gql(RESPOND, { id: idea.gid }, { token: official.token });
    await settled();
    const before = await inbox(author);
    expect(before.count).toBe(3);
    const othersId = (await inbox(other)).nodes[0]!.id;

    const marked = await t.gql(MARK, { ids: [before.nodes[0]!.id, othersId] }, { token: author.token });
    expect(marked.data).toEqual({ markNotificationsRead: 1 });
    expect((await inbox(other)).count).toBe(1);
    const unread = await inbox(author, true);
    expect(unread.count).toBe(2);
    expect(unread.nodes.map((n) => n.id)).toEqual(before.nodes.slice(1).map((n) => n.id));
    expect((await t.gql(MARK, { ids: null }, { token: author.token })).data).toEqual({ markNotificationsRead: 2 });
    expect((await inbox(author)).count).toBe(0);
    expect((await inbox(author)).nodes.every((n) => n.readAt !== null)).toBe(true);
    expect(outcome(await t.gql(MARK, { ids: null }))).toBe('UNAUTHENTICATED');
  });

  it('comments tell the idea’s author, replies the parent’s author, never the one who wrote them', async () => {
    const agency = await makeAgency(t);
    const campaign = await makeCampaign(t, agency);
    const [author, commenter, replier] = await Promise.all([makeUser(t), makeUser(t), makeUser(t)]);
    const idea = await makeIdea(t, campaign, author, { title: 'A bench by the pond' });
    const top = await t.gql(COMMENT, { input: { ideaId: idea.gid, body: 'Yes please' } }, { token: commenter.token });
    await t.gql(COMMENT, { input: { ideaId: idea.gid, body: 'Me too' } }, { token: author.token });
    await t.gql(
      COMMENT,
      { input: { ideaId: idea.gid, body: 'Agreed', parentId: top.data!.addComment.id } },
      { token: replier.token },
    );
    await settled();
    expect((await inbox(author)).nodes.map((n) => n.summary)).toEqual([
      'New comment on your idea “A bench by the pond”.',
    ]);
    expect((await inbox(commenter)).nodes.map((n) => n.summary)).toEqual([
      'New reply to your comment on “A bench by the pond”.',
    ]);
    expect((await inbox(replier)).count).toBe(0);
  });

  it('moderation tells the author with the reason; muted kinds are neither shown nor mailed', async () => {
    const agency = await makeAgency(t);
    const campaign = await makeCampaign(t, agency);
    const [author, voter, moderator] = await Promise.all([
      makeUser(t),
      makeUser(t),
      makeUser(t, { role: Role.MODERATOR }),
    ]);
    const idea = await makeIdea(t, campaign, author, { title: 'Private phone numbers' });
    await t.gql(VOTE, { id: idea.gid }, { token: voter.token });
    const hide = 'mutation ($id: ID!) { hideContent(targetId: $id, reason: "It lists phone numbers") { __typename } }';
    expect(outcome(await t.gql(hide, { id: idea.gid }, { token: moderator.token }))).toBe('OK');
    await settled();
    const { nodes } = await inbox(author);
    expect(nodes.map((n) => [n.kind, n.summary])).toEqual([
      ['MODERATION_DECISION', 'Your idea “Private phone numbers” was hidden by moderation: It lists phone numbers'],
    ]);
    expect((await inbox(moderator)).count).toBe(0);

    // An answer to the hidden idea: the voter is told, without the title they may no longer see.
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    await t.gql(RESPOND, { id: idea.gid }, { token: official.token });
    await settled();
    const voterSees = (await inbox(voter)).nodes[0]!;
    expect(voterSees.summary).toBe(`${agency.name} answered an idea: accepted.`);
    expect(JSON.stringify(voterSees)).not.toContain('Private phone numbers');

    const answeredMails = () =>
      sink.received.filter((m) => m.to === author.email && /answered/.test(m.parsed.subject ?? '')).length;
    await waitFor('the first answer mailed', async () => answeredMails() === 1);

    const muted = await t.gql(
      PREFERENCES,
      { input: { mutedKinds: ['OFFICIAL_RESPONSE', 'OFFICIAL_RESPONSE'] } },
      {
        token: author.token,
      },
    );
    expect(muted.data!.updateNotificationPreferences.notificationPreferences).toEqual({
      emailFrequency: 'IMMEDIATELY',
      mutedKinds: ['OFFICIAL_RESPONSE'],
    });
    expect((await inbox(author)).nodes.map((n) => n.kind)).toEqual(['MODERATION_DECISION']);
    await t.gql(RESPOND, { id: idea.gid }, { token: official.token });
    await settled();
    const [created] = await sql(
      "SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'OFFICIAL_RESPONSE'",
      [author.user.id],
    );
    expect(created.n).toBe(1); // the one from before muting, not shown; none after
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(answeredMails()).toBe(1);
  });

  it('RESPONSE_OWED tells the agency’s members; CAMPAIGN_CLOSING tells participants once', async () => {
    const agency = await makeAgency(t);
    const [official, admin] = await Promise.all([
      makeMember(t, agency, AgencyRole.OFFICIAL),
      makeMember(t, agency, AgencyRole.AGENCY_ADMIN),
    ]);
    const campaign = await makeCampaign(t, agency, {
      responseThreshold: 2,
      closesAt: new Date(Date.now() + 36 * 3600 * 1000),
    });
    const [author, a, b] = await Promise.all([makeUser(t), makeUser(t), makeUser(t)]);
    const idea = await makeIdea(t, campaign, author, { title: 'Night buses' });
    await t.gql(VOTE, { id: idea.gid }, { token: a.token });
    await t.gql(VOTE, { id: idea.gid }, { token: b.token });
    await settled();
    for (const member of [official, admin]) {
      expect((await inbox(member)).nodes.map((n) => n.kind)).toEqual(['RESPONSE_OWED']);
    }
    expect((await inbox(official)).nodes[0]!.summary).toBe(
      `“Night buses” reached 2 supporters in “${campaign.title}”: your agency owes it an answer.`,
    );

    const database = t.app.get(DatabaseService).dataSource;
    expect(await outboxRepository.recordClosingSoon(database)).toBeGreaterThanOrEqual(1);
    expect(await outboxRepository.recordClosingSoon(database)).toBe(0);
    await settled();
    for (const person of [author, a, b]) {
      expect((await inbox(person)).nodes.filter((n) => n.kind === 'CAMPAIGN_CLOSING')).toHaveLength(1);
    }
    expect((await inbox(official)).nodes.filter((n) => n.kind === 'CAMPAIGN_CLOSING')).toHaveLength(0);
  });

  it('a daily digest lists what is still unread, once; unconfirmed addresses get no mail; bad unsubscribe tokens are refused', async () => {
    const agency = await makeAgency(t);
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    const campaign = await makeCampaign(t, agency);
    const [daily, unconfirmed] = await Promise.all([makeUser(t), makeUser(t, { verified: false })]);
    await t.gql(PREFERENCES, { input: { emailFrequency: 'DAILY' } }, { token: daily.token });
    const ideas = await Promise.all(
      ['Bike lanes', 'Water fountains', 'Library hours'].map((title) => makeIdea(t, campaign, daily, { title })),
    );
    const unconfirmedIdea = await makeIdea(t, campaign, official);
    await t.gql(VOTE, { id: unconfirmedIdea.gid }, { token: unconfirmed.token });
    for (const idea of [...ideas, unconfirmedIdea]) await t.gql(RESPOND, { id: idea.gid }, { token: official.token });
    await settled();
    const { nodes } = await inbox(daily);
    await t.gql(MARK, { ids: [nodes.find((n) => n.summary.includes('Water fountains'))!.id] }, { token: daily.token });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.received.filter((m) => m.to === daily.email)).toHaveLength(0);

    const digests = t.app.get(NotificationMailService);
    // Made after the latest digest time: they wait for the next one.
    expect(await digests.sendDigests('DAILY')).toBe(0);
    expect(await digests.sendDigests('WEEKLY')).toBe(0);
    // The next digest time comes.
    const next = new Date(Date.now() + 1000);
    expect(await digests.sendDigests('DAILY', next)).toBeGreaterThanOrEqual(1);
    const [digest] = await sink.waitFor(daily.email);
    expect(digest!.parsed.subject).toBe('Consulta: 2 unread notifications');
    expect(digest!.parsed.text).toContain(`- ${agency.name} answered “Library hours”: accepted.`);
    expect(digest!.parsed.text).toContain(`- ${agency.name} answered “Bike lanes”: accepted.`);
    expect(digest!.parsed.text).not.toContain('Water fountains');
    expect(digest!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
    expect(await digests.sendDigests('DAILY', next)).toBe(0);

    expect((await inbox(unconfirmed)).count).toBe(1);
    expect(
      sink.received.filter((m) => m.to === unconfirmed.email && m.parsed.subject?.includes('answered')),
    ).toHaveLength(0);

    const bad = await t.gql('mutation { unsubscribe(token: "nope") }');
    expect(outcome(bad)).toBe('BAD_USER_INPUT');
    const badPost = await fetch(`${t.url}/unsubscribe?token=${'0'.repeat(64)}`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(badPost.status).toBe(400);
    // Forms are taken only there: elsewhere a multipart body is refused as such, not as a server error.
    const form = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n',
    });
    expect(form.status).toBe(415);
    expect(await form.text()).not.toContain('at ');
  });

  it('a second delivery of the same event adds nothing', async () => {
    const agency = await makeAgency(t);
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    const campaign = await makeCampaign(t, agency);
    const author = await makeUser(t);
    const idea = await makeIdea(t, campaign, author);
    await t.gql(RESPOND, { id: idea.gid }, { token: official.token });
    await settled();
    await sql(
      "UPDATE event_deliveries SET state = 'PENDING' WHERE subscriber = 'notifications' AND aggregate_id = $1",
      [idea.id],
    );
    await sql(
      "UPDATE domain_events SET relayed_at = NULL WHERE aggregate_id = $1 AND type = 'OfficialResponsePosted'",
      [idea.id],
    );
    await settled();
    const [row] = await sql('SELECT count(*)::int AS n FROM notifications WHERE idea_id = $1', [idea.id]);
    expect(row.n).toBe(1);
  });
});
