import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { startMailApp } from '../support/mail-app.js';
import type { ReceivedMail, SmtpSink } from '../support/smtp.js';
import { makeAgency, makeCampaign, makeIdea, makeUser, outcome, PASSWORD } from '../support/factories.js';

const REQUEST = `mutation ($input: ChangeEmailInput!) { requestEmailChange(input: $input) }`;
const CONFIRM = 'mutation ($token: String!) { confirmEmailChange(token: $token) }';
const DELETE = 'mutation ($password: String!) { deleteAccount(password: $password) }';
const VIEWER = '{ viewer { email emailVerified } }';
const SIGN_IN =
  'mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token } }';

function linkToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`http://consulta\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.parsed.text}`);
  return match[1]!;
}

describe('a person moves their account to another address, or deletes it', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const sql = (text: string, params: unknown[] = []): Promise<any[]> =>
    t.app.get(DatabaseService).dataSource.query(text, params);

  beforeAll(async () => ({ sink, t } = await startMailApp()));
  afterAll(async () => t?.close());

  it('a change of address: the password first, a link to the new address, the old one told; the link moves it once', async () => {
    const person = await makeUser(t, { language: 'es' });
    const newEmail = `moved-${Date.now()}@example.org`;
    const wrong = await t.gql(REQUEST, { input: { newEmail, password: 'not my password' } }, { token: person.token });
    expect(outcome(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0]!.extensions!.fields).toEqual({ password: expect.stringContaining('not correct') });
    const same = await t.gql(
      REQUEST,
      { input: { newEmail: person.email.toUpperCase(), password: PASSWORD } },
      { token: person.token },
    );
    expect(same.errors![0]!.extensions!.fields).toEqual({ newEmail: expect.stringContaining('already your address') });
    // An address with an account: the same answer, and that address is told instead of getting a link.
    const other = await makeUser(t);
    const taken = await t.gql(
      REQUEST,
      { input: { newEmail: other.email, password: PASSWORD } },
      { token: person.token },
    );
    expect(taken.data).toEqual({ requestEmailChange: true });
    const inUse = await sink.waitForSubject(other.email, 'This address already has a Consulta account');
    expect(inUse.parsed.text).not.toContain('/confirm-email');
    expect(outcome(await t.gql(REQUEST, { input: { newEmail, password: PASSWORD } }))).toBe('UNAUTHENTICATED');

    expect((await t.gql(REQUEST, { input: { newEmail, password: PASSWORD } }, { token: person.token })).data).toEqual({
      requestEmailChange: true,
    });
    const [link] = await sink.waitFor(newEmail);
    expect(link!.parsed.subject).toBe('Confirme su nueva dirección de correo en Consulta');
    // The current address is told of each request (this one and the one to the taken address).
    const notices = await sink.waitFor(person.email, 2);
    expect(notices.map((m) => m.parsed.subject)).toEqual([
      'Su cuenta de Consulta va a cambiar de dirección',
      'Su cuenta de Consulta va a cambiar de dirección',
    ]);
    expect(notices.some((m) => m.parsed.text?.includes(newEmail))).toBe(true);
    // Nothing moves before the link is followed.
    expect((await t.gql(VIEWER, {}, { token: person.token })).data!.viewer.email).toBe(person.email);

    const token = linkToken(link!, '/confirm-email');
    expect((await t.gql(CONFIRM, { token })).data).toEqual({ confirmEmailChange: true });
    expect((await t.gql(VIEWER, {}, { token: person.token })).data!.viewer).toEqual({
      email: newEmail,
      emailVerified: true,
    });
    expect(outcome(await t.gql(CONFIRM, { token }))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(SIGN_IN, { email: newEmail, password: PASSWORD }))).toBe('OK');
    expect(outcome(await t.gql(SIGN_IN, { email: person.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('a link to an address another account took meanwhile moves nothing', async () => {
    const person = await makeUser(t);
    const newEmail = `contested-${Date.now()}@example.org`;
    await t.gql(REQUEST, { input: { newEmail, password: PASSWORD } }, { token: person.token });
    const [link] = await sink.waitFor(newEmail);
    await t.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: newEmail, password: PASSWORD, displayName: 'Quicker' },
    });
    expect(outcome(await t.gql(CONFIRM, { token: linkToken(link!, '/confirm-email') }))).toBe('CONFLICT');
    expect((await t.gql(VIEWER, {}, { token: person.token })).data!.viewer.email).toBe(person.email);
  });

  it('asks for at most three links an hour', async () => {
    const person = await makeUser(t);
    const ask = () =>
      t.gql(
        REQUEST,
        { input: { newEmail: `many-${Date.now()}-${Math.random()}@example.org`, password: PASSWORD } },
        {
          token: person.token,
        },
      );
    for (let i = 0; i < 3; i++) expect(outcome(await ask())).toBe('OK');
    expect(outcome(await ask())).toBe('RATE_LIMITED');
  });

  it('deleting an account clears the person, ends every session, keeps their ideas, comments and votes', async () => {
    const agency = await makeAgency(t);
    const campaign = await makeCampaign(t, agency);
    const [leaving, other] = await Promise.all([makeUser(t, { name: 'Leaving Person' }), makeUser(t)]);
    const second = await t.gql(SIGN_IN, { email: leaving.email, password: PASSWORD });
    const idea = await makeIdea(t, campaign, leaving, { title: 'An idea that stays' });
    const othersIdea = await makeIdea(t, campaign, other);
    await t.gql(
      'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }',
      { id: othersIdea.gid },
      { token: leaving.token },
    );
    await t.gql(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      {
        input: { ideaId: othersIdea.gid, body: 'A comment that stays' },
      },
      { token: leaving.token },
    );

    expect(outcome(await t.gql(DELETE, { password: 'wrong' }, { token: leaving.token }))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(DELETE, { password: PASSWORD }))).toBe('UNAUTHENTICATED');
    const deleted = await t.gql(DELETE, { password: PASSWORD }, { token: leaving.token });
    expect(deleted.data).toEqual({ deleteAccount: true });
    expect(deleted.headers.get('set-cookie')).toMatch(/consulta_session=;/);

    expect((await t.gql(VIEWER, {}, { token: leaving.token })).data!.viewer).toBeNull();
    expect((await t.gql(VIEWER, {}, { token: second.data!.signIn.token })).data!.viewer).toBeNull();
    expect(outcome(await t.gql(SIGN_IN, { email: leaving.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    const [row] = await sql('SELECT email, display_name, password_hash, deleted_at FROM users WHERE id = $1', [
      leaving.user.id,
    ]);
    expect(row.email).not.toContain(leaving.email.split('@')[0]);
    expect(row.display_name).toBe('Deleted account');
    expect(row.password_hash).toBe('!');
    expect(row.deleted_at).not.toBeNull();

    const read = await t.gql(
      `query ($a: ID!, $b: ID!) { a: idea(id: $a) { title author { id } } b: idea(id: $b) { upvotes
        comments(first: 5) { edges { node { body author { id } } } } } }`,
      { a: idea.gid, b: othersIdea.gid },
    );
    expect(read.data!.a).toEqual({ title: 'An idea that stays', author: null });
    expect(read.data!.b.upvotes).toBe(1);
    expect(read.data!.b.comments.edges).toEqual([{ node: { body: 'A comment that stays', author: null } }]);
    // A new account may use the address again.
    const again = await t.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: leaving.email, password: PASSWORD, displayName: 'Back again' },
    });
    expect(outcome(again)).toBe('OK');
  });
});
