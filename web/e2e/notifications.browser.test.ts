import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

/** The first link of a message the product mailed (text part) to `path`. */
function linkIn(text: string | undefined, path: string, token = '[A-Za-z0-9_-]{43}'): string {
  const match = new RegExp(`(http://127\\.0\\.0\\.1:\\d+${path}\\?token=${token})`).exec(text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
}

describe('being told: the bell, the notifications, the settings, unsubscribing', () => {
  const suite = browserSuite();

  it('a citizen sees the bell count rise when an official answers an idea she supported, in another browser', async () => {
    const title = 'Shade over the Riverside playground';
    const citizen = await newPerson(suite.browser, 360);
    const official = await newPerson(suite.browser);
    const email = `supporter-${Date.now()}@example.org`;

    // A newcomer signs up, confirms her address and supports an idea.
    await citizen.page.goto(`${suite.server.url}/sign-up`);
    await citizen.page.getByLabel('Your name').fill('Sofía Supporter');
    await citizen.page.getByLabel('Email address').fill(email);
    await citizen.page.getByLabel('Password').fill('a long enough passphrase');
    await citizen.page.getByRole('button', { name: 'Create an account' }).click();
    const [verify] = await suite.server.mail.waitFor(email);
    await citizen.page.goto(linkIn(verify!.parsed.text, '/verify-email'));
    await citizen.page.getByText('Your email address is confirmed. Thank you.').waitFor();
    await citizen.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await citizen.page.getByRole('button', { name: new RegExp(`^Support\\W+${title}$`) }).click();
    const bell = citizen.page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await bell.textContent()).toBe('Notifications');

    // The official answers it from the agency console.
    await signIn(official.page, suite.server.url, 'parks.official@example.org');
    await official.page.getByRole('link', { name: 'Agency console' }).click();
    await official.page.getByRole('link', { name: 'Better parks for summer' }).click();
    await official.page
      .getByRole('navigation', { name: 'Sections of this consultation' })
      .getByRole('link', { name: 'All ideas' })
      .click();
    const all = official.page.getByRole('region', { name: /^All ideas \(\d+\)$/ });
    await all.getByRole('button', { name: new RegExp(`^Answer\\W+${title}$`) }).click();
    const form = official.page.getByRole('form', { name: `Official answer to ${title}` });
    await form.getByLabel('New status of the idea').selectOption('ACCEPTED');
    await form.getByLabel('Your answer').fill('Sails go up over the sandpit in May.');
    await form.getByRole('button', { name: 'Publish the answer' }).click();
    await official.page.getByText(`Your answer to “${title}” is published.`).waitFor();

    // Her bell counts it by itself (a live update; it polls only while the socket is closed) and says so politely.
    await bell.getByText('1 unread notification').waitFor({ timeout: 40000 });
    const live = citizen.page.locator('[aria-live="polite"]', { hasText: 'You have 1 unread notification' });
    await live.waitFor({ state: 'attached' });
    await expectAccessible(citizen.page);
    await bell.click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const summary = `City Parks Department answered “${title}”: accepted.`;
    await citizen.page.getByRole('link', { name: summary }).waitFor();
    await expectAccessible(citizen.page);
    await screenshots(citizen.page, 'notifications');
    await citizen.page.getByRole('button', { name: 'Mark all as read' }).click();
    await citizen.page.getByText('0 unread notifications').waitFor();
    expect(await bell.textContent()).toBe('Notifications');
    await citizen.page.getByRole('link', { name: summary }).click();
    await citizen.page.getByRole('heading', { level: 1, name: title }).waitFor();

    // The answer is mailed to her at once, with a link that stops all mail from a page with a button.
    const answered = await suite.server.mail.waitForSubject(email, summary);
    await citizen.page.goto(linkIn(answered.parsed.text, '/unsubscribe', '[0-9a-f]{64}'));
    await citizen.page.getByRole('heading', { level: 1, name: 'Stop email from Consulta' }).waitFor();
    await expectAccessible(citizen.page);
    await citizen.page.getByRole('button', { name: 'Stop all email' }).click();
    await citizen.page.getByText('Done: Consulta will send you no more notification email.').waitFor();
    await screenshots(citizen.page, 'unsubscribe');

    // Her settings say so; she chooses a daily summary instead, by the keyboard.
    await citizen.page.getByRole('link', { name: 'Change your notification settings' }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Your settings' }).waitFor();
    expect(await citizen.page.getByLabel('Never').isChecked()).toBe(true);
    await expectAccessible(citizen.page);
    await citizen.page.getByLabel('Once a day').focus();
    await citizen.page.keyboard.press('Space');
    await citizen.page.getByLabel('Comments on my ideas and replies to my comments').focus();
    await citizen.page.keyboard.press('Space');
    await citizen.page.getByRole('button', { name: 'Save notification settings' }).press('Enter');
    await citizen.page.getByText('Your notification settings are saved.').waitFor();
    await screenshots(citizen.page, 'settings');
    await citizen.page.reload();
    expect(await citizen.page.getByLabel('Once a day').isChecked()).toBe(true);
    expect(await citizen.page.getByLabel('Comments on my ideas and replies to my comments').isChecked()).toBe(false);

    // Her name and the language of her mail, in Spanish.
    await citizen.page.getByLabel('Language of your email').selectOption('es');
    await citizen.page.getByRole('button', { name: 'Save profile' }).click();
    await citizen.page.getByText('Your profile is saved.').waitFor();
    await citizen.page.getByLabel('Language', { exact: true }).selectOption('es');
    await citizen.page.getByRole('heading', { level: 1, name: 'Su configuración' }).waitFor();
    await expectAccessible(citizen.page);
    await screenshots(citizen.page, 'settings-es');
    await citizen.context.close();
    await official.context.close();
  }, 120_000);
});
