import { Role } from '@consulta/shared';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { countStatements } from '../support/statements.js';
import { startMailApp } from '../support/mail-app.js';
import type { ReceivedMail, SmtpSink } from '../support/smtp.js';
import { makeAgency, makeCampaign, makeIdea, makeUser, outcome, PASSWORD } from '../support/factories.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { token viewer { email emailVerified language } } }`;
const VIEWER = '{ viewer { email emailVerified language user { displayName } } }';
const VERIFY = 'mutation ($token: String!) { verifyEmail(token: $token) }';
const REQUEST_VERIFY = 'mutation { requestEmailVerification }';
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token viewer { emailVerified } } }`;
const SIGN_IN =
  'mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token } }';

const sql = (t: TestApp, text: string, params: unknown[] = []): Promise<any[]> =>
  t.app.get(DatabaseService).dataSource.query(text, params);

let n = 0;
const address = () => `someone-${Date.now()}-${++n}@example.org`;

/** The token of the emailed link to `path` (its `token=` query parameter). */
function linkToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`http://consulta\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.parsed.text}`);
  const html = String(mail.parsed.html);
  expect(html).toContain(`href="http://consulta.test${path}?token=${match[1]}"`);
  return match[1]!;
}

describe('mail to a real SMTP server: verification and password reset', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => ({ sink, t } = await startMailApp()));
  afterAll(async () => t?.close());

  it('signing up mails a verification link in the person’s language; the link verifies without a session, once', async () => {
    const email = address();
    const signUp = await t.gql(SIGN_UP, {
      input: { email, password: PASSWORD, displayName: 'Lucía Pérez', language: 'es' },
    });
    expect(signUp.data!.signUp.viewer).toEqual({ email, emailVerified: false, language: 'es' });
    const [mail] = await sink.waitFor(email);
    expect(mail!.parsed.subject).toBe('Confirme su dirección de correo en Consulta');
    expect(mail!.parsed.from!.value).toEqual([{ name: 'Consulta', address: 'no-reply@example.org' }]);
    expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f-]+@consulta\.test>$/);
    expect(mail!.parsed.headers.get('content-language')).toBe('es');
    expect(mail!.parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(String(mail!.parsed.html)).toMatch(/<html lang="es">/);
    expect(String(mail!.parsed.html)).toMatch(/<h1[^>]*>Confirme su dirección de correo<\/h1>/);
    expect(mail!.parsed.text).toContain('Hola Lucía Pérez:');
    const token = linkToken(mail!, '/verify-email');

    expect((await t.gql(VERIFY, { token })).data).toEqual({ verifyEmail: true });
    const viewer = await t.gql(VIEWER, {}, { token: signUp.data!.signUp.token });
    expect(viewer.data!.viewer.emailVerified).toBe(true);
    const again = await t.gql(VERIFY, { token });
    expect(outcome(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.extensions!.fields).toEqual({ token: expect.stringContaining('no longer works') });
    // Verified now: asking for another link is a conflict.
    expect(outcome(await t.gql(REQUEST_VERIFY, {}, { token: signUp.data!.signUp.token }))).toBe('CONFLICT');
  });

  it('refuses made-up and malformed tokens as BAD_USER_INPUT', async () => {
    for (const token of ['x'.repeat(43), 'short', 'a'.repeat(43) + '!', '']) {
      expect(outcome(await t.gql(VERIFY, { token }))).toBe('BAD_USER_INPUT');
      expect(outcome(await t.gql(RESET, { input: { token, newPassword: 'another long passphrase' } }))).toBe(
        'BAD_USER_INPUT',
      );
    }
  });

  it('sends the link again at most once a minute', async () => {
    const person = await makeUser(t, { verified: false });
    expect((await t.gql(REQUEST_VERIFY, {}, { token: person.token })).data).toEqual({ requestEmailVerification: true });
    await sink.waitFor(person.email);
    const soon = await t.gql(REQUEST_VERIFY, {}, { token: person.token });
    expect(outcome(soon)).toBe('RATE_LIMITED');
    expect(soon.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a reset link sets the password, confirms the address, ends every session and signs this client in', async () => {
    const person = await makeUser(t, { verified: false, language: 'en' });
    expect((await t.gql(REQUEST_RESET, { email: person.email.toUpperCase() })).data).toEqual({
      requestPasswordReset: true,
    });
    const [mail] = await sink.waitFor(person.email);
    expect(mail!.parsed.subject).toBe('Reset your Consulta password');
    const token = linkToken(mail!, '/reset-password');

    // A password the rules refuse leaves the link usable.
    const weak = await t.gql(RESET, { input: { token, newPassword: 'password1234' } });
    expect(outcome(weak)).toBe('BAD_USER_INPUT');
    expect(Object.keys(weak.errors![0]!.extensions!.fields)).toEqual(['newPassword']);

    const reset = await t.gql(RESET, { input: { token, newPassword: 'a brand new passphrase' } });
    expect(reset.data!.resetPassword.viewer.emailVerified).toBe(true);
    expect(reset.headers.get('set-cookie')).toMatch(/consulta_session=/);
    expect((await t.gql(VIEWER, {}, { token: person.token })).data!.viewer).toBeNull();
    expect((await t.gql(VIEWER, {}, { token: reset.data!.resetPassword.token })).data!.viewer.email).toBe(person.email);
    expect(outcome(await t.gql(SIGN_IN, { email: person.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(outcome(await t.gql(SIGN_IN, { email: person.email, password: 'a brand new passphrase' }))).toBe('OK');
    expect(outcome(await t.gql(RESET, { input: { token, newPassword: 'yet another passphrase' } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('answers a reset request for an unknown address the same way and mails nothing', async () => {
    const person = await makeUser(t);
    const unknown = address();
    expect((await t.gql(REQUEST_RESET, { email: person.email })).data).toEqual({ requestPasswordReset: true });
    expect((await t.gql(REQUEST_RESET, { email: unknown })).data).toEqual({ requestPasswordReset: true });
    await sink.waitFor(person.email);
    // Both requests were handled (the stranger's was recorded first); its address is no longer kept.
    await waitUntil(async () => (await pending(t)) === 0);
    expect(sink.received.filter((mail) => mail.to === unknown)).toEqual([]);
    const kept = await sql(
      t,
      "SELECT count(*)::int AS n FROM domain_events WHERE payload::text LIKE '%' || $1 || '%'",
      [unknown],
    );
    expect(kept[0].n).toBe(0);
  });

  it('retries a message the server answers 451, and stops at once after a 550', async () => {
    const later = await makeUser(t, { verified: false });
    sink.refuseNext(451);
    await t.gql(REQUEST_VERIFY, {}, { token: later.token });
    await sink.waitFor(later.email, 1, 20000);
    expect(sink.attempts.filter((to) => to === later.email)).toHaveLength(2);

    const never = await makeUser(t, { verified: false });
    sink.refuseNext(550);
    await t.gql(REQUEST_VERIFY, {}, { token: never.token });
    await waitUntil(async () => (await mailStatus(t, never.email)) === 'FAILED');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sink.attempts.filter((to) => to === never.email)).toHaveLength(1);
    const failed = await sql(t, 'SELECT attempts, last_error, html_body FROM outgoing_mail WHERE to_address = $1', [
      never.email,
    ]);
    expect(failed[0]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('550'), html_body: null });
    // Admins see it; nobody else does.
    const admin = await makeUser(t, { role: Role.ADMIN });
    const listed = await t.gql('{ failedMail { to kind status attempts lastError } }', {}, { token: admin.token });
    expect(listed.data!.failedMail).toContainEqual({
      to: never.email,
      kind: 'VERIFY_EMAIL',
      status: 'FAILED',
      attempts: 1,
      lastError: expect.stringContaining('550'),
    });
    expect(outcome(await t.gql('{ failedMail { to } }', {}, { token: never.token }))).toBe('FORBIDDEN');
  });
});

async function pending(t: TestApp): Promise<number> {
  const result = await sql(
    t,
    `SELECT (SELECT count(*) FROM domain_events WHERE relayed_at IS NULL)::int
          + (SELECT count(*) FROM event_deliveries WHERE state = 'PENDING')::int AS n`,
  );
  return result[0].n;
}

async function mailStatus(t: TestApp, to: string): Promise<string | undefined> {
  return (await sql(t, 'SELECT status FROM outgoing_mail WHERE to_address = $1', [to]))[0]?.status;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('campaigns that take part only from confirmed addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  // Here the app runs no workers, so the count is the request's own statements, not the background loops'.
  it('runs the same statements for a reset request whether or not the address has an account', async () => {
    const person = await makeUser(t);
    const known = await countStatements(() => t.gql(REQUEST_RESET, { email: person.email }));
    const stranger = await countStatements(async () =>
      expect((await t.gql(REQUEST_RESET, { email: address() })).data).toEqual({ requestPasswordReset: true }),
    );
    expect(known).toBeGreaterThan(0);
    expect(stranger).toBe(known);
  });

  it('refuses ideas and votes from unconfirmed addresses with FORBIDDEN, reason EMAIL_NOT_VERIFIED', async () => {
    const agency = await makeAgency(t);
    const campaign = await makeCampaign(t, agency, { requireVerifiedEmail: true });
    const verified = await makeUser(t);
    const unverified = await makeUser(t, { verified: false });
    const idea = await makeIdea(t, campaign, verified);
    const submit = `mutation ($c: ID!) { submitIdea(input: { campaignId: $c, title: "A safer crossing", body: "Near the school." }) { id } }`;
    const vote = 'mutation ($i: ID!) { castVote(input: { ideaId: $i, value: 1 }) { id } }';
    for (const result of [
      await t.gql(submit, { c: campaign.gid }, { token: unverified.token }),
      await t.gql(vote, { i: idea.gid }, { token: unverified.token }),
    ]) {
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
    }
    expect(outcome(await t.gql(vote, { i: idea.gid }, { token: verified.token }))).toBe('OK');
    const shown = await t.gql('query ($c: ID!) { campaign(id: $c) { requireVerifiedEmail } }', { c: campaign.gid });
    expect(shown.data!.campaign.requireVerifiedEmail).toBe(true);
  });

  it('changes the name and language people chose, refusing a language it does not speak', async () => {
    const person = await makeUser(t);
    const update =
      'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { language user { displayName } } }';
    const wrong = await t.gql(update, { input: { language: 'fr' } }, { token: person.token });
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { language: expect.any(String) },
    });
    const done = await t.gql(
      update,
      { input: { language: 'es', displayName: '  Ana   Ruiz ' } },
      { token: person.token },
    );
    expect(done.data!.updateProfile).toEqual({ language: 'es', user: { displayName: 'Ana Ruiz' } });
  });

  it('keeps mail for /dev/mail when no SMTP_URL is set, links working', async () => {
    const email = address();
    await t.gql(SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Newcomer' } });
    const page = await fetch(`${t.url}/dev/mail`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain(email);
    const id = /href="\/dev\/mail\/([0-9a-f-]{36})">Confirm your email address for Consulta/.exec(html)![1];
    const message = await (await fetch(`${t.url}/dev/mail/${id}`)).text();
    const link = /href="(http:\/\/localhost:\d+\/verify-email\?token=[A-Za-z0-9_-]{43})"/.exec(message)![1]!;
    const token = new URL(link).searchParams.get('token');
    expect((await t.gql(VERIFY, { token })).data).toEqual({ verifyEmail: true });
    expect((await fetch(`${t.url}/dev/mail/${id}/text`)).headers.get('content-type')).toMatch(/text\/plain/);
  });
});

describe('/dev/mail in production', () => {
  it('is not served', async () => {
    const t = await startTestApp({ config: { nodeEnv: 'production' } });
    try {
      expect((await fetch(`${t.url}/dev/mail`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
