import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

const POOL = 'Does anyone know when the public pool opens this year?';

describe('a moderator and an admin', () => {
  const suite = browserSuite();

  it('moderator: reviews the queue in context, hides, restores, suspends, and reads the audit log', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'moderator@example.org');
    await page.getByRole('link', { name: 'Moderation' }).click();
    const entry = page.getByTestId('queue-entry').filter({ hasText: POOL });
    await entry.getByText('Not about this consultation — “About the pool, not the parks.”').waitFor();
    await entry.getByText('by Carmen Cruz', { exact: false }).waitFor();
    await entry.getByRole('link', { name: 'Step-free paths to every park entrance' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'moderation-queue');

    await entry.getByLabel('Reason for your decision').fill('Off topic: pools are not parks');
    await entry.getByRole('button', { name: 'Hide' }).click();
    await page.getByText('The content is hidden.').waitFor();
    await page.getByText('Nothing to review here.').waitFor();
    await expectAccessible(page);

    // A citizen now sees a tombstone in the thread.
    const citizen = await newPerson(suite.browser);
    await citizen.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await citizen.page.getByRole('link', { name: 'Step-free paths to every park entrance' }).click();
    await citizen.page.getByText('Removed by a moderator.').waitFor();
    expect(await citizen.page.getByText(POOL).count()).toBe(0);

    await page.getByRole('button', { name: 'Actioned' }).click();
    await page.waitForURL(/status=ACTIONED/);
    const actioned = page.getByTestId('queue-entry').filter({ hasText: POOL });
    await actioned.getByText('Hidden', { exact: true }).waitFor();
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

    await actioned.getByLabel('Reason for your decision').fill('On reflection, harmless');
    await actioned.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The content is visible again.').waitFor();
    await citizen.page.reload();
    await citizen.page.getByText(POOL).waitFor();
    await citizen.context.close();

    // A flag on a fresh comment, dismissed: the comment stays.
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
    const fresh = page.getByTestId('queue-entry').filter({ hasText: 'Yes, and benches under them.' });
    await fresh.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('The flag was dismissed.').waitFor();
    await page.getByText('Nothing to review here.').waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('table');
    await log
      .getByRole('row')
      .filter({ hasText: 'Hid a comment' })
      .getByText('Off topic: pools are not parks')
      .waitFor();
    await log.getByRole('row').filter({ hasText: 'Restored a comment' }).getByText('On reflection, harmless').waitFor();
    await log
      .getByRole('row')
      .filter({ hasText: 'Suspended a person' })
      .getByText('Repeated off-topic posts')
      .waitFor();
    await expectAccessible(page);
    await screenshots(page, 'audit-log');
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
    await page.getByText('Dev Patel — Official').waitFor();

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
