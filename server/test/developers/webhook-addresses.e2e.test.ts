import { isPublicAddress } from '../../src/modules/developers/webhooks/public-address.js';
import { retryDelaySeconds, MAX_ATTEMPTS } from '../../src/modules/developers/webhooks/standard-webhooks.js';
import { postWebhook } from '../../src/modules/developers/webhooks/webhook-http.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, type Personas } from '../support/factories.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { DatabaseService } from '../../src/database/database.service.js';

const CREATE = `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url } } }`;

/** One address of each range webhooks never go to, as a URL's host. */
const REFUSED_HOSTS = [
  '127.0.0.1', // loopback
  '127.200.0.1',
  'localhost', // a name that resolves to loopback
  '0.0.0.0', // "this network"
  '10.1.2.3', // private
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '100.64.0.1', // carrier-grade NAT
  '169.254.169.254', // link-local: cloud metadata
  '192.0.2.10', // documentation
  '198.18.0.1', // benchmarking
  '224.0.0.1', // multicast
  '240.0.0.1', // reserved
  '255.255.255.255',
  '0x7f000001', // 127.0.0.1 written in hex
  '2130706433', // 127.0.0.1 as one number
  '[::1]',
  '[::]',
  '[::ffff:127.0.0.1]', // IPv4-mapped loopback
  '[::ffff:169.254.169.254]',
  '[64:ff9b::a00:1]', // NAT64 of 10.0.0.1
  '[2002:7f00:1::]', // 6to4 of 127.0.0.1
  '[fc00::1]', // unique local
  '[fd00:ec2::254]', // a cloud's metadata over IPv6
  '[fe80::1]', // link-local
  '[ff02::1]', // multicast
  '[2001:db8::1]', // documentation
];

describe('webhook addresses (the default: public https only)', () => {
  let t: TestApp;
  let p: Personas;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({
      config: { workers: true, webhooks: { allowPrivateNetworks: false, retryBaseSeconds: 1, timeoutSeconds: 2 } },
    });
    p = await makePersonas(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const refusal = async (url: string) => {
    const result = await t.gql(CREATE, { input: { url, events: ['IDEA_SUBMITTED'] } }, { token: p.citizen.token });
    return result.errors?.[0]?.extensions?.fieldKeys?.url?.key ?? 'OK';
  };

  it.each(REFUSED_HOSTS)('refuses https://%s/hook', async (host) => {
    expect(await refusal(`https://${host}/hook`)).toBe('webhookPrivate');
  });

  it('refuses http, credentials, unknown hosts and what is not a URL; takes a public https address', async () => {
    expect(await refusal('http://93.184.216.34/hook')).toBe('webhookHttps');
    expect(await refusal('ftp://93.184.216.34/hook')).toBe('webhookHttps');
    expect(await refusal('https://user:secret@93.184.216.34/hook')).toBe('webhookCredentials');
    expect(await refusal('https://no-such-host.invalid/hook')).toBe('webhookHostUnknown');
    expect(await refusal('/relative/path')).toBe('webhookUrl');
    expect(await refusal('https://93.184.216.34/hooks/consulta?app=1#part')).toBe('OK');
    expect(await refusal('https://[2606:2800:220:1:248:1893:25c8:1946]/hook')).toBe('OK');
  });

  it('checks the resolved address again at delivery time: a stored loopback webhook gets nothing', async () => {
    // As if made while the deployment allowed private networks, or by a name that resolved elsewhere then.
    const campaign = await makeCampaign(t, p.agency);
    const db = t.app.get(DatabaseService).dataSource;
    await db.query(
      `INSERT INTO webhooks (user_id, url, events, campaign_id, secret)
       VALUES ($1, $2, '{IDEA_SUBMITTED}', $3, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')`,
      [p.citizen.user.id, `https://localhost:${receiver.port}/inside`, campaign.id],
    );
    await makeIdea(t, campaign, p.author);
    const failureOf = async () =>
      (
        await db.query(
          `SELECT d.failure, d.status FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
            WHERE w.campaign_id = $1`,
          [campaign.id],
        )
      )[0];
    await waitFor('the refused attempt', async () => (await failureOf())?.failure === 'PRIVATE_ADDRESS');
    expect(receiver.received).toHaveLength(0);
  });

  it('never follows a redirect and pins the checked address (the sender on its own)', async () => {
    receiver.answer('/redirect', { status: 307, location: receiver.url('/elsewhere') });
    const options = { allowPrivate: true, timeoutMs: 2000 };
    expect(await postWebhook(receiver.url('/redirect'), '{}', {}, options)).toEqual({
      status: 307,
      failure: 'HTTP_STATUS',
    });
    expect(receiver.at('/elsewhere')).toHaveLength(0);
    expect(await postWebhook(receiver.url('/ok'), '{}', {}, { ...options, allowPrivate: false })).toEqual({
      status: null,
      failure: 'NOT_HTTPS',
    });
    expect(
      await postWebhook(`https://localhost:${receiver.port}/ok`, '{}', {}, { ...options, allowPrivate: false }),
    ).toEqual({ status: null, failure: 'PRIVATE_ADDRESS' });
    expect(receiver.at('/ok')).toHaveLength(0);
  });
});

describe('webhook address ranges and retry schedule', () => {
  it('tells public addresses from the rest', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8']) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.20.1.1',
      '192.168.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd12::1',
      '::ffff:10.0.0.1',
      'not an address',
    ]) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });

  it('tries about eight times over a day with the default base of 30 s', () => {
    const waits = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1, 30));
    expect(waits.slice(0, 3)).toEqual([30, 120, 480]);
    expect(waits.every((wait, i) => i === 0 || wait >= waits[i - 1]!)).toBe(true);
    const hours = waits.reduce((a, b) => a + b, 0) / 3600;
    expect(MAX_ATTEMPTS).toBe(8);
    expect(hours).toBeGreaterThan(12);
    expect(hours).toBeLessThan(30);
  });
});
