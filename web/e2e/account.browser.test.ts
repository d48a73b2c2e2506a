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
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('a long enough passphrase');
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
});
