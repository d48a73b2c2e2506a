import { expectAccessible, newPerson, screenshots } from './support/journey.js';
import { browserSuite } from './support/suite.js';

/** The link of a message the product mailed (text part), to `path`. */
function linkIn(text: string | undefined, path: string): string {
  const match = new RegExp(`(http://127\\.0\\.0\\.1:\\d+${path}\\?token=[A-Za-z0-9_-]{43})`).exec(text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
}

describe('an account tied to a real address', () => {
  const suite = browserSuite();

  it('signs up, reads the mail, follows its link and is verified', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    const email = `newcomer-${Date.now()}@example.org`;
    await page.goto(`${suite.server.url}/sign-up`);
    await page.getByLabel('Your name').fill('Nora Newcomer');
    // An address with an account already: said in words beside the field, never as a raw code.
    await page.getByLabel('Email address').fill('lena@example.org');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create an account' }).click();
    const summary = page.getByTestId('error-summary');
    await summary
      .getByText(/An account already uses this email address/)
      .first()
      .waitFor();
    expect(await summary.textContent()).not.toMatch(/\btaken\b/);
    // The way to that account is a link, not only words.
    expect(await page.getByRole('link', { name: 'Sign in instead', exact: true }).getAttribute('href')).toBe(
      '/sign-in',
    );
    expect(await page.getByRole('link', { name: 'Reset the password of that account' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    await expectAccessible(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByText(`Please confirm your email address: we sent a link to ${email}.`).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'verify-banner');

    const [mail] = await suite.server.mail.waitFor(email);
    expect(mail!.parsed.subject).toBe('Confirm your email address for Consulta');
    await page.goto(linkIn(mail!.parsed.text, '/verify-email'));
    await page.getByText('Your email address is confirmed. Thank you.').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'verified');
    // The banner is gone once the address is confirmed.
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByText('Please confirm your email address').count()).toBe(0);
    await context.close();
  });

  it('forgets a password and is signed in again with a new one, by the keyboard', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email address').fill('carmen@example.org');
    await page.keyboard.press('Enter');
    await page.getByText(/If an account uses carmen@example\.org, we have emailed it a link/).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'forgot-password');

    // Carmen is a demo participant: notification mail may reach her too.
    const mail = await suite.server.mail.waitForSubject('carmen@example.org', 'Reset your Consulta password');
    await page.goto(linkIn(mail.parsed.text, '/reset-password'));
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expectAccessible(page);
    await page.getByLabel('New password').fill('a fresh passphrase for spring');
    await page.getByLabel('New password').press('Enter');
    await page.getByText('Your password is changed and you are signed in.').waitFor();
    await screenshots(page, 'reset-password');
    await page.getByRole('link', { name: 'Go to the consultations' }).click();
    await page.getByText(/^Signed in as /).waitFor();
    await context.close();
  });

  it('moves her account to a new address, then deletes it, each with her password', async () => {
    const { context, page } = await newPerson(suite.browser);
    const email = `mover-${Date.now()}@example.org`;
    const moved = `moved-${Date.now()}@example.org`;
    await page.goto(`${suite.server.url}/sign-up`);
    await page.getByLabel('Your name').fill('Marta Mover');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByText(/^Signed in as /).click();
    await page.getByRole('heading', { level: 1, name: 'Your settings' }).waitFor();
    await page.getByText(`Your account uses ${email}.`).waitFor();

    const form = page.getByRole('form', { name: 'Your email address' });
    await form.getByLabel('New email address').fill(moved);
    await form.getByLabel('Your current password').fill('not my password');
    await form.getByRole('button', { name: 'Email a link to the new address' }).click();
    await form.getByTestId('error-summary').getByText('Your current password is not correct.').waitFor();
    await expectAccessible(page);
    await form.getByLabel('Your current password').fill('a long enough passphrase');
    await form.getByRole('button', { name: 'Email a link to the new address' }).click();
    await form.getByText(`We emailed a link to ${moved}.`, { exact: false }).waitFor();
    await screenshots(page, 'settings-account');
    const notice = await suite.server.mail.waitForSubject(email, 'Your Consulta account is moving to another address');
    expect(notice.parsed.text).toContain(moved);
    const [link] = await suite.server.mail.waitFor(moved);
    await page.goto(linkIn(link!.parsed.text, '/confirm-email'));
    await page.getByText('Your account now uses this address, and it is confirmed.').waitFor();
    await expectAccessible(page);

    await page.goto(`${suite.server.url}/settings`);
    await page.getByText(`Your account uses ${moved}.`).waitFor();
    const deletion = page.getByRole('form', { name: 'Delete my account' });
    await deletion.getByLabel('Your current password').fill('a long enough passphrase');
    await deletion.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account for good?' });
    await dialog.waitFor();
    await expectAccessible(page);
    await screenshots(page, 'delete-account');
    await dialog.getByRole('button', { name: 'Yes, delete my account' }).click();
    await page.getByText('Your account is deleted. Thank you for taking part.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('Email address').fill(moved);
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is not right.').waitFor();
    await context.close();
  }, 60_000);
});
