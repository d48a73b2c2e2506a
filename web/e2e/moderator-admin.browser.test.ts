import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from '../../server/test/support/wait.js';

const POOL = 'Does anyone know when the public pool opens this year?';

describe('a moderator and an admin', () => {
  const suite = browserSuite();

  it('moderator: decides once per card with a reason, reopens, suspends and lifts, reads the log in words', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'moderator@example.org');
    await page.getByRole('link', { name: 'Moderation' }).click();
    const card = page.getByTestId('queue-card').filter({ hasText: POOL });
    await card.getByText('Not about this consultation — “About the pool, not the parks.”').waitFor();
    await card.getByRole('link', { name: 'Carmen Cruz' }).waitFor();
    await card.getByRole('link', { name: 'Step-free paths to every park entrance' }).waitFor();
    await card.getByText('1 open report').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'moderation-queue');

    // A reason is required for every decision.
    await card.getByRole('button', { name: 'Hide' }).click();
    await card.getByText('Give a reason for this decision.').waitFor();
    await card.getByLabel('Reason for your decision').fill('Off topic: pools are not parks');
    await card.getByRole('button', { name: 'Hide' }).click();
    const hidden = page.getByText('“Step-free paths to every park entrance” is hidden.');
    await hidden.waitFor();
    expect(await hidden.evaluate((node) => node.closest('[role=status]') === document.activeElement)).toBe(true);
    await page.getByTestId('queue-card').filter({ hasText: POOL }).waitFor({ state: 'detached' });
    await expectAccessible(page);

    // A citizen now sees a tombstone in the thread.
    const citizen = await newPerson(suite.browser);
    await citizen.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await citizen.page.getByRole('link', { name: 'Step-free paths to every park entrance' }).click();
    await citizen.page.getByText('Removed by a moderator.').waitFor();
    expect(await citizen.page.getByText(POOL).count()).toBe(0);

    await page.getByRole('button', { name: 'Actioned' }).click();
    await page.waitForURL(/status=ACTIONED/);
    const actioned = page.getByTestId('queue-card').filter({ hasText: POOL });
    await actioned.getByText('Hidden', { exact: true }).waitFor();
    // What is hidden already is not offered "Hide" again.
    expect(await actioned.getByRole('button', { name: 'Hide' }).count()).toBe(0);
    await actioned.getByRole('button', { name: 'Suspend the author' }).click();
    const suspend = page.getByRole('form', { name: 'Suspend Carmen Cruz' });
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await suspend.getByText('Choose a time in the future.').first().waitFor();
    await expectAccessible(page);
    const nextWeek = new Date(Date.now() + 7 * 86400000);
    const local = new Date(nextWeek.getTime() - nextWeek.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    await suspend.getByLabel('Suspended until').fill(local);
    await suspend.getByLabel('Reason').fill('Repeated off-topic posts');
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('Carmen Cruz is suspended.').waitFor();
    const suspension = page.getByTestId('suspension').filter({ hasText: 'Carmen Cruz' });
    await suspension.getByText('Reason: Repeated off-topic posts').waitFor();

    // Carmen's banner says until when.
    const carmen = await newPerson(suite.browser);
    await signIn(carmen.page, suite.server.url, 'carmen@example.org');
    await carmen.page.getByText(/Your account is suspended until .+: you can read/).waitFor();
    await expectAccessible(carmen.page);
    await screenshots(carmen.page, 'suspended-banner');

    await actioned.getByLabel('Reason for your decision').fill('On reflection, harmless');
    await actioned.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('“Step-free paths to every park entrance” is visible again.').waitFor();
    await citizen.page.reload();
    await citizen.page.getByText(POOL).waitFor();
    await citizen.context.close();

    // A report on a fresh comment, dismissed, then reopened from the Dismissed tab.
    const other = await newPerson(suite.browser);
    await signIn(other.page, suite.server.url, 'lena@example.org');
    await other.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await other.page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).click();
    const thread = other.page.getByRole('region', { name: /Discussion/ });
    await thread
      .getByRole('article')
      .filter({ hasText: 'Yes, and benches under them.' })
      .getByRole('button', { name: 'Report' })
      .click();
    await other.page.getByText('Spam or advertising').click();
    await other.page.getByRole('button', { name: 'Send report' }).click();
    await other.page.getByText('Thank you. The moderators will review it.').waitFor();
    await other.context.close();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const fresh = page.getByTestId('queue-card').filter({ hasText: 'Yes, and benches under them.' });
    await fresh.getByLabel('Reason for your decision').fill('Not advertising');
    await fresh.getByRole('button', { name: 'Dismiss the reports' }).click();
    await page.getByText('The reports on “Plant fruit trees along the greenway” were dismissed.').waitFor();
    await page.getByRole('button', { name: 'Dismissed' }).click();
    const dismissed = page.getByTestId('queue-card').filter({ hasText: 'Yes, and benches under them.' });
    await dismissed.getByText('1 dismissed report').waitFor();
    await dismissed.getByLabel('Reason for your decision').fill('Lena explained it is a paid ad');
    await dismissed.getByRole('button', { name: 'Reopen the reports' }).click();
    await page.getByText('The reports on “Plant fruit trees along the greenway” are open again.').waitFor();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('queue-card').filter({ hasText: 'Yes, and benches under them.' }).waitFor();

    // The suspension is lifted early; Carmen takes part again.
    await suspension.getByRole('button', { name: 'Lift the suspension' }).click();
    await suspension.getByText('Give a reason for lifting the suspension.').waitFor();
    await suspension.getByLabel('Why lift it early').fill('Apologised to the group');
    await suspension.getByRole('button', { name: 'Lift the suspension' }).click();
    await page.getByText('Carmen Cruz may take part again.').waitFor();
    await page.getByText('Nobody is suspended now.').waitFor();
    await carmen.page.reload();
    await carmen.page.getByText(/^Signed in as /).waitFor();
    expect(await carmen.page.getByText(/Your account is suspended/).count()).toBe(0);
    await carmen.context.close();

    await page.getByRole('link', { name: 'Audit log' }).click();
    const entries = page.getByTestId('log-entry');
    const say = (sentence: string) => entries.filter({ hasText: sentence }).first();
    await say('Mo Moderator hid a comment on “Step-free paths to every park entrance”')
      .getByText('Reason: Off topic: pools are not parks')
      .waitFor();
    await say('Mo Moderator restored a comment on “Step-free paths to every park entrance”').waitFor();
    await say('Mo Moderator suspended Carmen Cruz until').getByText('Reason: Repeated off-topic posts').waitFor();
    await say('Mo Moderator lifted the suspension of Carmen Cruz').waitFor();
    await say('Mo Moderator dismissed 1 report on a comment on “Plant fruit trees along the greenway”').waitFor();
    await say('Mo Moderator reopened 1 report on a comment on “Plant fruit trees along the greenway”').waitFor();
    await say('Omar Okafor answered “Shade over the Riverside playground” (Submitted → Accepted)')
      .getByRole('link', { name: 'Shade over the Riverside playground' })
      .waitFor();
    await page.getByLabel('What was done').selectOption({ label: 'Lifted a suspension' });
    await page.waitForURL(/action=user.suspension_lifted/);
    await waitFor('one entry', async () => (await entries.count()) === 1);
    await page.getByLabel('What was done').selectOption({ label: 'Everything' });
    await page.waitForURL((url) => !url.searchParams.has('action'));
    await say('Mo Moderator hid a comment').waitFor();
    await page.getByLabel('Who did it').selectOption({ label: 'Omar Okafor' });
    await page.waitForURL(/person=/);
    await waitFor('only Omar’s entries', async () => {
      const texts = await entries.allTextContents();
      return texts.length > 0 && texts.every((text) => text.startsWith('Omar Okafor'));
    });
    await page.getByLabel('Who did it').selectOption({ label: 'Everyone' });
    await page.waitForURL((url) => !url.searchParams.has('person'));
    await say('Mo Moderator hid a comment').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'audit-log');
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('admin: adds an agency, a member and changes a role; other people cannot open the page', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'admin@example.org');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 3, name: 'Transit Authority' }).waitFor();
    await expectAccessible(page);

    const create = page.getByRole('form', { name: 'Add an agency' });
    await create.getByLabel('Agency name').fill('Library Services');
    await create.getByRole('button', { name: 'Add an agency' }).click();
    await page.getByText('Library Services was added.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Library Services' }).waitFor();

    const member = page.getByRole('form', { name: 'Add a member to an agency' });
    await member.getByLabel('Agency', { exact: true }).selectOption({ label: 'Library Services' });
    await member.getByLabel('Email address').fill('nobody@example.org');
    await member.getByRole('button', { name: 'Add a member to an agency' }).click();
    await member.getByText('No account has this email address.').first().waitFor();
    await member.getByLabel('Email address').fill('dev@example.org');
    await member.getByRole('button', { name: 'Add a member to an agency' }).click();
    await page.getByText('The member was added.').waitFor();
    const library = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Library Services' }) });
    await library.getByTestId('agency-member').filter({ hasText: 'Dev Patel — Official' }).waitFor();

    await library.getByRole('button', { name: 'Edit Library Services' }).click();
    await library.getByLabel('Description').fill('Branches, books and reading rooms.');
    await library.getByLabel('Agency name').fill('Library Service');
    await library.getByRole('button', { name: 'Save the agency' }).click();
    await page.getByText('Library Service was saved.').waitFor();
    const renamed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Library Service' }) });
    await renamed.getByText('Branches, books and reading rooms.').waitFor();
    await renamed.getByRole('button', { name: 'Remove Dev Patel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Dev Patel from Library Service?' });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Remove from the agency' }).click();
    await page.getByText('Dev Patel no longer works for Library Service.').waitFor();
    await renamed.getByText('Nobody works for this agency yet.').waitFor();

    // The people list: searched by address, filtered to moderators.
    const people = page.getByRole('search', { name: 'People' });
    await people.getByLabel('Name or email address').fill('lena@example');
    await people.getByRole('button', { name: 'Find people' }).click();
    const rows = page.getByTestId('person-row');
    await waitFor('one person', async () => (await rows.count()) === 1);
    await rows.getByText('lena@example.org').waitFor();
    await rows.getByText('Address confirmed').waitFor();
    await people.getByLabel('Name or email address').fill('');
    await people.getByRole('button', { name: 'Find people' }).click();
    await people.getByLabel('Role').selectOption({ label: 'Moderator' });
    await rows.filter({ hasText: 'Mo Moderator' }).waitFor();
    expect(await rows.filter({ hasText: 'Citizen' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshots(page, 'admin-people');
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
    await people.getByLabel('Role').selectOption({ label: 'Any role' });

    const roles = page.getByRole('form', { name: 'Change a person’s role' });
    await roles.getByLabel('Email address').fill('lena@example.org');
    await roles.getByLabel('Role', { exact: true }).selectOption('MODERATOR');
    await roles.getByRole('button', { name: 'Change role' }).click();
    await page.getByText('Lena Novak is now Moderator.').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'admin');
    await context.close();

    const citizen = await newPerson(suite.browser);
    await signIn(citizen.page, suite.server.url, 'carmen@example.org');
    await citizen.page.goto(`${suite.server.url}/admin`);
    await citizen.page.getByRole('heading', { name: 'You cannot open this page' }).waitFor();
    await expectAccessible(citizen.page);
    await citizen.context.close();
  });
});
