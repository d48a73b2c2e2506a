import { Webhook as StandardWebhook } from 'standardwebhooks';
import { CampaignStatus } from '@consulta/shared';
import { systemViewer } from '../../src/common/auth/request-viewer.js';
import { Clock } from '../../src/common/clock/clock.js';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, makeUser, outcome, type Personas } from '../support/factories.js';
import { mailTo } from '../support/mail-app.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type ReceivedHook, type Receiver } from '../support/webhook-receiver.js';

const CREATE = `mutation ($input: CreateWebhookInput!) {
  createWebhook(input: $input) { secret webhook { id url events active campaign { id } agency { id } } } }`;
const LIST = `{ viewer { webhooks { id url active deactivatedAt
  deliveries(first: 10) { totalCount edges { node { id event status attempts responseStatus failure nextAttemptAt deliveredAt } } } } } }`;
const ANSWER = `mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }`;

type Delivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  failure: string | null;
  nextAttemptAt: string | null;
};

/** Checks a delivery with the Standard Webhooks reference library (not the server's code) and parses it. */
function verified(secret: string, hook: ReceivedHook) {
  const headers = {
    'webhook-id': String(hook.headers['webhook-id']),
    'webhook-timestamp': String(hook.headers['webhook-timestamp']),
    'webhook-signature': String(hook.headers['webhook-signature']),
  };
  return new StandardWebhook(secret).verify(hook.body, headers) as {
    type: string;
    timestamp: string;
    data: Record<string, any>;
  };
}

describe('webhooks', () => {
  let t: TestApp;
  let p: Personas;
  let receiver: Receiver;
  let sink: SmtpSink;

  beforeAll(async () => {
    receiver = await startReceiver();
    sink = await startSmtpSink();
    t = await startTestApp({
      config: {
        ...mailTo(sink),
        webhooks: { allowPrivateNetworks: true, retryBaseSeconds: 1, timeoutSeconds: 1 },
      },
    });
    p = await makePersonas(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
    await sink.stop();
  });

  const create = async (input: Record<string, unknown>, token = p.citizen.token) => {
    const result = await t.gql(CREATE, { input }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.createWebhook as { secret: string; webhook: { id: string; url: string } };
  };
  const deliveriesOf = async (token: string, webhookId: string): Promise<Delivery[]> => {
    const hooks = (await t.gql(LIST, {}, { token })).data!.viewer.webhooks as Array<{
      id: string;
      deliveries: { edges: Array<{ node: Delivery }> };
    }>;
    return hooks.find((hook) => hook.id === webhookId)!.deliveries.edges.map((edge) => edge.node);
  };

  it('need a session and a confirmed address; the secret is shown once; only the owner sees or deletes one', async () => {
    const made = await create({ url: receiver.url('/first'), events: ['IDEA_SUBMITTED', 'IDEA_SUBMITTED'] });
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(made.secret.slice(6), 'base64')).toHaveLength(24);
    const listed = (await t.gql(LIST, {}, { token: p.citizen.token })).data!.viewer.webhooks;
    expect(listed).toEqual([expect.objectContaining({ id: made.webhook.id, active: true })]);
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    expect((await t.gql(LIST, {}, { token: p.author.token })).data!.viewer.webhooks).toEqual([]);
    const node = 'query ($id: ID!) { node(id: $id) { id } }';
    expect((await t.gql(node, { id: made.webhook.id }, { token: p.author.token })).data!.node).toBeNull();

    const unverified = await makeUser(t, { verified: false });
    const refused = await t.gql(
      CREATE,
      { input: { url: receiver.url('/x'), events: ['IDEA_SUBMITTED'] } },
      {
        token: unverified.token,
      },
    );
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
    expect(outcome(await t.gql(CREATE, { input: { url: receiver.url('/x'), events: ['IDEA_SUBMITTED'] } }))).toBe(
      'UNAUTHENTICATED',
    );
    const token = await t.gql(
      'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
      { input: { name: 'App', scope: 'WRITE' } },
      { token: p.citizen.token },
    );
    const bearer = token.data!.createApiToken.token as string;
    for (const [document, variables] of [
      [CREATE, { input: { url: receiver.url('/x'), events: ['IDEA_SUBMITTED'] } }],
      ['mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: made.webhook.id }],
    ] as const) {
      const result = await t.gql(document, variables, { token: bearer });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SESSION_REQUIRED' });
    }
    // A token reads its owner's webhooks, but never their secrets.
    expect((await t.gql(LIST, {}, { token: bearer })).data!.viewer.webhooks).toHaveLength(1);

    const del = 'mutation ($id: ID!) { deleteWebhook(id: $id) }';
    expect(outcome(await t.gql(del, { id: made.webhook.id }, { token: p.author.token }))).toBe('NOT_FOUND');
    expect((await t.gql(del, { id: made.webhook.id }, { token: p.citizen.token })).data!.deleteWebhook).toBe(true);
    expect((await t.gql(LIST, {}, { token: p.citizen.token })).data!.viewer.webhooks).toEqual([]);
  });

  it('check their input: events, one scope, a visible campaign', async () => {
    const none = await t.gql(CREATE, { input: { url: receiver.url('/x'), events: [] } }, { token: p.citizen.token });
    expect(none.errors![0]!.extensions!.fieldKeys).toEqual({ events: { key: 'webhookEvents' } });
    const campaign = await makeCampaign(t, p.agency);
    const both = await t.gql(
      CREATE,
      {
        input: {
          url: receiver.url('/x'),
          events: ['IDEA_SUBMITTED'],
          campaignId: campaign.gid,
          agencyId: p.agency.gid,
        },
      },
      { token: p.citizen.token },
    );
    expect(both.errors![0]!.extensions!.fieldKeys).toEqual({ campaignId: { key: 'webhookScope' } });
    const draft = await makeCampaign(t, p.agency, { open: false });
    const input = { url: receiver.url('/x'), events: ['IDEA_SUBMITTED'], campaignId: draft.gid };
    expect(outcome(await t.gql(CREATE, { input }, { token: p.citizen.token }))).toBe('NOT_FOUND');
    const notUrl = await t.gql(
      CREATE,
      { input: { url: 'not a url', events: ['IDEA_SUBMITTED'] } },
      {
        token: p.citizen.token,
      },
    );
    expect(notUrl.errors![0]!.extensions!.fieldKeys).toEqual({ url: { key: 'webhookUrl' } });
  });

  it('deliver public events of their scope, signed per Standard Webhooks, with public data only', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const elsewhere = await makeCampaign(t, p.otherAgency);
    const everything = await create(
      { url: receiver.url('/all'), events: ['IDEA_SUBMITTED', 'OFFICIAL_RESPONSE_POSTED', 'IDEA_STATUS_CHANGED'] },
      p.author.token,
    );
    const oneCampaign = await create(
      { url: receiver.url('/campaign'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      p.author.token,
    );
    expect(oneCampaign.webhook).toMatchObject({ campaign: { id: campaign.gid }, agency: null });
    await create(
      { url: receiver.url('/agency'), events: ['IDEA_SUBMITTED'], agencyId: p.otherAgency.gid },
      p.author.token,
    );

    const idea = await makeIdea(t, campaign, p.citizen, { title: 'Benches by the river' });
    await makeIdea(t, elsewhere, p.citizen, { title: 'Another agency idea' });
    await waitFor('three deliveries of the ideas', async () => receiver.received.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/campaign')).toHaveLength(1);
    expect(receiver.at('/agency')).toHaveLength(1);
    expect(receiver.at('/all')).toHaveLength(2);

    const submitted = receiver.at('/campaign')[0]!;
    const body = verified(oneCampaign.secret, submitted);
    expect(submitted.headers['webhook-id']).toMatch(/^msg_/);
    expect(submitted.headers['content-type']).toBe('application/json');
    expect(body.type).toBe('idea.submitted');
    expect(body.data.idea).toMatchObject({
      id: idea.gid,
      title: 'Benches by the river',
      status: 'SUBMITTED',
      url: `http://consulta.test/ideas/${idea.gid}`,
      author: { name: p.citizen.user.displayName },
      campaign: { id: campaign.gid, slug: campaign.slug },
    });
    expect(body.data.idea.author.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.data.idea.author.id).not.toContain(p.citizen.user.id);
    expect(submitted.body).not.toContain(p.citizen.email);
    expect(submitted.body).not.toContain(p.citizen.user.id);
    // Another secret does not verify it.
    expect(() => verified(everything.secret, submitted)).toThrow();

    const answered = await t.gql(
      ANSWER,
      { input: { ideaId: idea.gid, body: 'We will install them.', status: 'ACCEPTED' } },
      { token: p.official.token },
    );
    expect(outcome(answered)).toBe('OK');
    await waitFor('the answer', async () =>
      receiver.at('/all').some((hook) => hook.body.includes('official_response.posted')),
    );
    await waitFor('the status change', async () =>
      receiver.at('/all').some((hook) => hook.body.includes('idea.status_changed')),
    );
    const posted = receiver.at('/all').map((hook) => verified(everything.secret, hook));
    expect(posted.find((b) => b.type === 'official_response.posted')!.data).toMatchObject({
      idea: { id: idea.gid, status: 'ACCEPTED' },
      response: { status: 'ACCEPTED', previousStatus: 'SUBMITTED', body: 'We will install them.' },
    });
    expect(posted.find((b) => b.type === 'idea.status_changed')!.data).toMatchObject({
      from: 'SUBMITTED',
      to: 'ACCEPTED',
    });
    const listed = await deliveriesOf(p.author.token, everything.webhook.id);
    expect(listed.map((d) => d.event)).toEqual(
      expect.arrayContaining(['OFFICIAL_RESPONSE_POSTED', 'IDEA_STATUS_CHANGED', 'IDEA_SUBMITTED']),
    );
    expect(listed.every((d) => d.status === 'SUCCEEDED' && d.responseStatus === 200 && d.attempts === 1)).toBe(true);
  });

  it('tell of campaigns opening and closing in their agency', async () => {
    const hook = await create(
      { url: receiver.url('/campaigns'), events: ['CAMPAIGN_OPENED', 'CAMPAIGN_CLOSED'], agencyId: p.agency.gid },
      p.official.token,
    );
    const campaigns = t.app.get(CampaignsService);
    const draft = await makeCampaign(t, p.agency, { open: false });
    await campaigns.transition(systemViewer(), draft.id, CampaignStatus.OPEN, [CampaignStatus.DRAFT]);
    await campaigns.transition(systemViewer(), draft.id, CampaignStatus.CLOSED, [CampaignStatus.OPEN]);
    await waitFor('both', async () => receiver.at('/campaigns').length >= 2);
    const bodies = receiver.at('/campaigns').map((hookBody) => verified(hook.secret, hookBody));
    // Deliveries are sent in parallel, so they may arrive in any order; `timestamp` orders them.
    expect(bodies.map((b) => b.type).sort()).toEqual(['campaign.closed', 'campaign.opened']);
    const opened = bodies.find((b) => b.type === 'campaign.opened')!;
    const closed = bodies.find((b) => b.type === 'campaign.closed')!;
    expect(Date.parse(opened.timestamp)).toBeLessThanOrEqual(Date.parse(closed.timestamp));
    expect(opened.data.campaign).toMatchObject({
      id: draft.gid,
      slug: draft.slug,
      url: `http://consulta.test/campaigns/${draft.slug}`,
      agency: { id: p.agency.gid, name: p.agency.name },
    });
  });

  it('retry a 500 with the same webhook-id, and do not follow redirects', async () => {
    const campaign = await makeCampaign(t, p.agency);
    receiver.answer('/flaky', 500, 200);
    receiver.answer('/moved', { status: 302, location: receiver.url('/target') });
    const flaky = await create(
      { url: receiver.url('/flaky'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      p.moderator.token,
    );
    const moved = await create(
      { url: receiver.url('/moved'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      p.moderator.token,
    );
    await makeIdea(t, campaign, p.citizen);
    await waitFor('the retry', async () => receiver.at('/flaky').length >= 2, 20000);
    const [first, second] = receiver.at('/flaky');
    expect(first!.headers['webhook-id']).toBe(second!.headers['webhook-id']);
    expect(verified(flaky.secret, first!).type).toBe('idea.submitted');
    expect(verified(flaky.secret, second!).type).toBe('idea.submitted');
    await waitFor(
      'the success to be recorded',
      async () => (await deliveriesOf(p.moderator.token, flaky.webhook.id))[0]?.status === 'SUCCEEDED',
    );
    expect((await deliveriesOf(p.moderator.token, flaky.webhook.id))[0]).toMatchObject({
      attempts: 2,
      responseStatus: 200,
      failure: null,
    });

    await waitFor('the redirect', async () => receiver.at('/moved').length >= 1);
    await waitFor(
      'its outcome',
      async () => (await deliveriesOf(p.moderator.token, moved.webhook.id))[0]?.responseStatus === 302,
    );
    const redirected = (await deliveriesOf(p.moderator.token, moved.webhook.id))[0]!;
    expect(redirected).toMatchObject({ status: 'PENDING', failure: 'HTTP_STATUS' });
    expect(new Date(redirected.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());
    expect(receiver.at('/target')).toHaveLength(0);
    // Its retries would go on through the tests below, which move the clock.
    await t.gql(
      'mutation ($id: ID!) { deleteWebhook(id: $id) }',
      { id: moved.webhook.id },
      { token: p.moderator.token },
    );
  });

  it('time out a receiver that does not answer', async () => {
    const campaign = await makeCampaign(t, p.agency);
    receiver.answer('/slow', 'hang');
    const slow = await create(
      { url: receiver.url('/slow'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      p.admin.token,
    );
    await makeIdea(t, campaign, p.citizen);
    await waitFor(
      'the timeout',
      async () => (await deliveriesOf(p.admin.token, slow.webhook.id))[0]?.failure === 'TIMEOUT',
    );
    expect((await deliveriesOf(p.admin.token, slow.webhook.id))[0]).toMatchObject({
      responseStatus: null,
      status: 'PENDING',
    });
    await t.gql('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: slow.webhook.id }, { token: p.admin.token });
  });

  it('withhold a retry once its idea is hidden', async () => {
    const campaign = await makeCampaign(t, p.agency);
    receiver.answer('/hidden', 500);
    const hook = await create(
      { url: receiver.url('/hidden'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      p.agencyAdmin.token,
    );
    const idea = await makeIdea(t, campaign, p.citizen);
    await waitFor('the first attempt', async () => receiver.at('/hidden').length >= 1);
    const hidden = await t.gql(
      'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Off topic") { __typename } }',
      { id: idea.gid },
      { token: p.moderator.token },
    );
    expect(outcome(hidden)).toBe('OK');
    await waitFor(
      'the delivery to be withheld',
      async () => (await deliveriesOf(p.agencyAdmin.token, hook.webhook.id))[0]?.failure === 'NO_LONGER_PUBLIC',
      20000,
    );
    expect((await deliveriesOf(p.agencyAdmin.token, hook.webhook.id))[0]!.status).toBe('FAILED');
    expect(receiver.at('/hidden')).toHaveLength(1);
  });

  it('give a delivery up after eight attempts, the webhook staying on', async () => {
    const campaign = await makeCampaign(t, p.agency);
    receiver.answer('/never', 500);
    const hook = await create(
      { url: receiver.url('/never'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      p.otherOfficial.token,
    );
    await makeIdea(t, campaign, p.citizen);
    const delivery = async () => (await deliveriesOf(p.otherOfficial.token, hook.webhook.id))[0];
    await waitFor('the first attempt', async () => receiver.at('/never').length === 1);
    // Each step moves the clock past the longest wait (960 × the 1 s base) and past a claim's lease, whether
    // or not the last attempt's outcome is recorded yet, until the delivery has failed for good.
    for (let step = 0; step < 100 && (await delivery())?.status !== 'FAILED'; step++) {
      t.app.get(Clock).advance(20 * 60 * 1000);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await waitFor('the delivery to fail for good', async () => (await delivery())?.status === 'FAILED');
    expect(await delivery()).toMatchObject({
      attempts: 8,
      failure: 'HTTP_STATUS',
      responseStatus: 500,
      nextAttemptAt: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.at('/never')).toHaveLength(8);
    const ids = new Set(receiver.at('/never').map((h) => h.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const [listed] = (await t.gql(LIST, {}, { token: p.otherOfficial.token })).data!.viewer.webhooks;
    expect(listed.active).toBe(true);
  });

  it('turn off a webhook failing for three days and tell its owner by mail', async () => {
    const owner = await makeUser(t, { language: 'es' });
    const campaign = await makeCampaign(t, p.agency);
    receiver.answer('/down', 503);
    const hook = await create(
      { url: receiver.url('/down'), events: ['IDEA_SUBMITTED'], campaignId: campaign.gid },
      owner.token,
    );
    await makeIdea(t, campaign, p.citizen);
    await waitFor('the first failure', async () => receiver.at('/down').length >= 1);
    const listed = async () => (await t.gql(LIST, {}, { token: owner.token })).data!.viewer.webhooks[0];
    expect((await listed()).active).toBe(true);
    t.app.get(Clock).advance(73 * 3600 * 1000);
    await waitFor('the webhook to be turned off', async () => (await listed()).active === false, 20000);
    expect((await listed()).deactivatedAt).not.toBeNull();
    const mail = await sink.waitForSubject(owner.email, 'Se desactivó su webhook de Consulta');
    expect(mail.parsed.text).toContain(receiver.url('/down'));
    expect(mail.parsed.text).toContain('HTTP 503');
    expect(mail.parsed.text).toContain('http://consulta.test/settings#webhooks');
    const [delivery] = await deliveriesOf(owner.token, hook.webhook.id);
    expect(delivery).toMatchObject({ status: 'FAILED', responseStatus: 503 });
  });
});
