import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, makeUser, type Personas } from '../support/factories.js';
import { liveClient, subscribe } from '../support/live-client.js';
import { waitFor } from '../support/wait.js';

const IDEA_CHANGED = `subscription ($id: ID!) { ideaChanged(ideaId: $id) {
  id upvotes score status visibility viewerVote responses { body } } }`;
const CAMPAIGN_CHANGED = 'subscription ($id: ID!) { campaignChanged(campaignId: $id) { id title upvotes } }';
const NOTIFICATIONS = 'subscription { notificationReceived { id kind idea { id } } }';
const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }';
const ANSWER = `mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }`;
const HIDE = 'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Under review") { __typename } }';

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('subscriptions over graphql-ws', () => {
  let t: TestApp;
  let p: Personas;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];
  const client = (...args: Parameters<typeof liveClient>) => {
    const made = liveClient(...args);
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    t = await startTestApp({
      config: {
        workers: true,
        live: {
          connectionsPerAddress: 200,
          connectionsPerPerson: 3,
          subscriptionsPerConnection: 3,
          idleSeconds: 300,
          coalesceMs: 250,
        },
      },
    });
    p = await makePersonas(t);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.dispose()));
  });
  afterAll(async () => t.close());

  it('send a vote to the idea’s subscribers, coalescing a burst into a few updates with the latest counts', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const live = subscribe(client(t.url, { token: p.citizen.token }), IDEA_CHANGED, { id: idea.gid });
    const anonymous = subscribe(client(t.url), IDEA_CHANGED, { id: idea.gid });
    await settle();
    expect((await t.gql(VOTE, { id: idea.gid }, { token: p.citizen.token })).errors).toBeUndefined();
    await waitFor('the vote', async () => live.results.length >= 1 && anonymous.results.length >= 1, 3000);
    expect(live.results[0]!.data!.ideaChanged).toMatchObject({ id: idea.gid, upvotes: 1, score: 1, viewerVote: 1 });
    // Each subscriber's fields are its own: the anonymous one has no vote.
    expect(anonymous.results[0]!.data!.ideaChanged).toMatchObject({ upvotes: 1, viewerVote: null });

    const voters = await Promise.all(Array.from({ length: 30 }, () => makeUser(t)));
    const before = live.results.length;
    await Promise.all(voters.map((voter) => t.gql(VOTE, { id: idea.gid }, { token: voter.token })));
    await waitFor('the latest counts', async () => live.results.at(-1)!.data!.ideaChanged.upvotes === 31, 3000);
    await settle(500);
    const burst = live.results.length - before;
    expect(burst).toBeGreaterThanOrEqual(1);
    expect(burst).toBeLessThan(15);
    expect(live.results.at(-1)!.data!.ideaChanged.upvotes).toBe(31);
  });

  it('send an answer, a new idea to the campaign’s subscribers, and a notification to the author', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const author = client(t.url, { token: p.author.token });
    const ideaFeed = subscribe(author, IDEA_CHANGED, { id: idea.gid });
    const notifications = subscribe(author, NOTIFICATIONS);
    const campaignFeed = subscribe(client(t.url), CAMPAIGN_CHANGED, { id: campaign.gid });
    await settle();
    const answered = await t.gql(
      ANSWER,
      { input: { ideaId: idea.gid, body: 'We will build it next spring.', status: 'ACCEPTED' } },
      { token: p.official.token },
    );
    expect(answered.errors).toBeUndefined();
    await waitFor(
      'the answer',
      async () => ideaFeed.results.some((r) => r.data?.ideaChanged.status === 'ACCEPTED'),
      3000,
    );
    const accepted = ideaFeed.results.find((r) => r.data?.ideaChanged.status === 'ACCEPTED')!;
    expect(accepted.data!.ideaChanged.responses).toEqual([{ body: 'We will build it next spring.' }]);
    await waitFor('the notification', async () => notifications.results.length >= 1, 10000);
    expect(notifications.results[0]!.data!.notificationReceived).toMatchObject({
      kind: 'OFFICIAL_RESPONSE',
      idea: { id: idea.gid },
    });

    const second = await makeIdea(t, campaign, p.citizen, { title: 'Benches along the river path' });
    await waitFor(
      'the new idea',
      async () => campaignFeed.results.some((r) => r.data?.campaignChanged.id === second.gid),
      3000,
    );
    expect(campaignFeed.results.map((r) => r.data!.campaignChanged.id)).toEqual(expect.arrayContaining([idea.gid]));
  });

  it('stop a subscriber who may no longer see a hidden idea; a moderator goes on seeing it', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const citizen = subscribe(client(t.url, { token: p.citizen.token }), IDEA_CHANGED, { id: idea.gid });
    const moderator = subscribe(client(t.url, { token: p.moderator.token }), IDEA_CHANGED, { id: idea.gid });
    await settle();
    expect((await t.gql(HIDE, { id: idea.gid }, { token: p.moderator.token })).errors).toBeUndefined();
    await waitFor('the citizen’s subscription to end', async () => citizen.completed, 3000);
    expect(citizen.results).toEqual([]);
    await waitFor('the moderator’s update', async () => moderator.results.length >= 1, 3000);
    expect(moderator.results[0]!.data!.ideaChanged.visibility).toBe('HIDDEN');
    expect(moderator.completed).toBe(false);
  });

  it('give nothing to a subscriber without access', async () => {
    const draft = await makeCampaign(t, p.agency, { open: false });
    const refused = subscribe(client(t.url, { token: p.citizen.token }), CAMPAIGN_CHANGED, { id: draft.gid });
    await waitFor('the refusal', async () => refused.results.length > 0 || refused.completed, 3000);
    expect(refused.results[0]!.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const member = subscribe(client(t.url, { token: p.official.token }), CAMPAIGN_CHANGED, { id: draft.gid });
    await settle();
    expect(member.results).toEqual([]);
    expect(member.completed).toBe(false);

    const signedOut = subscribe(client(t.url), NOTIFICATIONS);
    await waitFor('the refusal', async () => signedOut.results.length > 0, 3000);
    expect(signedOut.results[0]!.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(signedOut.results)).not.toMatch(/stack|at .*\.js/);
  });

  it('take the session cookie from the site’s own pages only', async () => {
    const person = await makeUser(t);
    const cookie = `consulta_session=${person.token}`;
    const host = new URL(t.url).host;
    const own = subscribe(client(t.url, { headers: { cookie, origin: `http://${host}` } }), NOTIFICATIONS);
    const elsewhere = subscribe(client(t.url, { headers: { cookie, origin: 'https://evil.example' } }), NOTIFICATIONS);
    await waitFor('the other site’s refusal', async () => elsewhere.results.length > 0, 3000);
    // Another site's page cannot ride on the person's cookie (cross-site WebSocket hijacking).
    expect(elsewhere.results[0]!.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    await settle();
    expect(own.results).toEqual([]);
    expect(own.error).toBeNull();
    expect(own.completed).toBe(false);
  });

  it('take a personal API token in connectionParams as the person', async () => {
    const person = await makeUser(t);
    const made = await t.gql(
      'mutation { createApiToken(input: { name: "Live app", scope: READ }) { token } }',
      {},
      { token: person.token },
    );
    expect(made.errors).toBeUndefined();
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const live = subscribe(client(t.url, { token: made.data!.createApiToken.token }), IDEA_CHANGED, { id: idea.gid });
    await settle();
    expect((await t.gql(VOTE, { id: idea.gid }, { token: person.token })).errors).toBeUndefined();
    await waitFor('the vote', async () => live.results.length >= 1, 3000);
    // Resolved as the token's person: their own vote shows.
    expect(live.results[0]!.data!.ideaChanged).toMatchObject({ upvotes: 1, viewerVote: 1 });
  });

  it('close a connection whose session is signed out, and refuse a token that is not valid', async () => {
    const person = await makeUser(t);
    const closes: number[] = [];
    const live = subscribe(client(t.url, { token: person.token, onClose: (code) => closes.push(code) }), NOTIFICATIONS);
    await settle();
    expect(live.error).toBeNull();
    const out = await t.gql('mutation { signOut }', {}, { token: person.token });
    expect(out.errors).toBeUndefined();
    await waitFor('the close', async () => closes.length > 0, 3000);
    expect(closes[0]).toBe(4401);

    const badCloses: number[] = [];
    subscribe(client(t.url, { token: 'cs_not-a-session', onClose: (code) => badCloses.push(code) }), NOTIFICATIONS);
    await waitFor('the refusal', async () => badCloses.length > 0, 3000);
    expect(badCloses[0]).toBe(4403);
  });

  it('refuse what is past the limits, and anything but subscriptions', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const one = client(t.url);
    const feeds = Array.from({ length: 4 }, () => subscribe(one, IDEA_CHANGED, { id: idea.gid }));
    await waitFor('the fourth refused', async () => !!feeds[3]!.error, 3000);
    expect(JSON.stringify(feeds[3]!.error)).toContain('RATE_LIMITED');
    expect(feeds.slice(0, 3).every((feed) => feed.error === null)).toBe(true);

    const closes: number[] = [];
    const person = await makeUser(t);
    for (let i = 0; i < 4; i++) {
      subscribe(client(t.url, { token: person.token, onClose: (code) => closes.push(code) }), NOTIFICATIONS);
      await settle(100);
    }
    await waitFor('the fourth connection closed', async () => closes.length > 0, 3000);
    expect(closes).toEqual([4429]);

    const query = subscribe(client(t.url), '{ campaigns(first: 1) { totalCount } }');
    await waitFor('the refusal', async () => query.results.length > 0 || !!query.error, 3000);
    expect(JSON.stringify(query.results[0] ?? query.error)).toContain('Only subscriptions go over the WebSocket');

    const deep = subscribe(
      client(t.url),
      `subscription ($id: ID!) { ideaChanged(ideaId: $id) { campaign { ideas(first: 100) { edges { node {
        comments(first: 100) { edges { node { id } } } } } } } } }`,
      { id: idea.gid },
    );
    await waitFor('the refusal', async () => deep.results.length > 0 || !!deep.error, 3000);
    expect(JSON.stringify(deep.results[0] ?? deep.error)).toMatch(/asks for too much|BAD_USER_INPUT/);
  });
});

describe('idle live connections', () => {
  it('are closed after LIVE_IDLE_SECONDS without a subscription', async () => {
    const t = await startTestApp({ config: { live: { ...defaults(), idleSeconds: 1 } } });
    try {
      const closes: string[] = [];
      const made = liveClient(t.url, { lazy: false, onClose: (code, reason) => closes.push(`${code} ${reason}`) });
      const refused = subscribe(made, 'subscription { notificationReceived { id } }');
      await waitFor('the refusal', async () => refused.results.length > 0, 3000);
      await waitFor('the close', async () => closes.length > 0, 4000);
      expect(closes[0]).toBe('1000 Closed after a while without a subscription.');
      await made.dispose();
    } finally {
      await t.close();
    }
  });
});

function defaults() {
  return {
    connectionsPerAddress: 50,
    connectionsPerPerson: 10,
    subscriptionsPerConnection: 20,
    idleSeconds: 300,
    coalesceMs: 250,
  };
}
