import type { Page } from 'playwright-core';
import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

const CAMPAIGN_PATH = '/campaigns/better-parks-for-summer';

describe('a citizen', () => {
  const suite = browserSuite();

  /** The vote button of an idea: "Support" (or "Supported") followed by the idea's title for screen readers. */
  const voteButton = (page: Page, title: string) =>
    page.getByRole('button', { name: new RegExp(`^Support(ed)?\\W+${title}$`) });

  it('proposes an idea with live counts and similar ideas shown while typing', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}/new-idea`);
    // Signed out: sent to sign in, and back here afterwards.
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email address').fill('lena@example.org');
    await page.getByLabel('Password').fill('consulta-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Propose an idea' }).waitFor();

    await page.getByRole('button', { name: 'Propose the idea' }).click();
    await page
      .getByTestId('error-summary')
      .getByRole('link', { name: /Use 5 to 140 characters/ })
      .waitFor();
    await expectAccessible(page);

    await page.getByLabel('Title').fill('More shade trees at the playground');
    await page.getByText('You have 106 characters left').waitFor();
    const similar = page.getByRole('region', { name: 'Similar ideas already proposed' });
    await similar.getByRole('link', { name: 'Shade over the Riverside playground' }).waitFor();
    await page.getByLabel('Details').fill('Plant **oaks** around the sandpit.');
    await page.getByLabel('Topic').selectOption('Trees');
    await expectAccessible(page);
    await screenshots(page, 'propose-idea');
    await page.getByRole('button', { name: 'Propose the idea' }).click();
    await page.getByRole('heading', { level: 1, name: 'More shade trees at the playground' }).waitFor();
    await page.getByText('Your idea is published').waitFor();
    await page.locator('strong', { hasText: 'oaks' }).waitFor();
    await page.getByRole('button', { name: 'Following' }).waitFor();
    await context.close();
  });

  it('edits her idea while it may be edited, then withdraws it after confirming', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    await signIn(page, suite.server.url, 'dev@example.org');
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}/new-idea`);
    await page.getByLabel('Title').fill('Drinking fountains in every park');
    await page.getByLabel('Details').fill('Refill stations near the playgrounds.');
    await page.getByRole('button', { name: 'Propose the idea' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drinking fountains in every park' }).waitFor();
    await page.getByText('Your idea is published').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Drinking fountains in every park' }).waitFor();
    expect(await page.getByText('Your idea is published').count()).toBe(0);
    await page.goBack();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Drinking fountains in every park' }).waitFor();
    expect(await page.getByText('Your idea is published').count()).toBe(0);

    const mine = page.getByRole('region', { name: 'Your idea' });
    await mine.getByRole('button', { name: 'Edit your idea' }).click();
    const form = page.getByRole('form', { name: 'Edit your idea' });
    await form.getByLabel('Title').fill('Dr');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await form.getByText('Use 5 to 140 characters for the title.').first().waitFor();
    await expectAccessible(page);
    await form.getByLabel('Title').fill('Drinking fountains in every large park');
    await form.getByLabel('Details').fill('Refill stations near the **playgrounds** and the sports fields.');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Your changes are saved.').waitFor();
    // The earlier "published" notice went with the next action, and a reload does not bring it back.
    expect(await page.getByText('Your idea is published').count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Drinking fountains in every large park' }).waitFor();
    await page.locator('strong', { hasText: 'playgrounds' }).waitFor();
    await screenshots(page, 'author-actions');

    await mine.getByRole('button', { name: 'Withdraw your idea' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw your idea?' });
    await dialog.getByText(/the votes given to it return/).waitFor();
    await expectAccessible(page);
    // Escape keeps it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await mine.getByRole('button', { name: 'Withdraw your idea' }).click();
    await dialog.getByRole('button', { name: 'Withdraw it' }).click();
    await page.getByText('You withdrew your idea.').waitFor();
    await page.getByText('Withdrawn', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Edit your idea' }).count()).toBe(0);
    await expectAccessible(page);

    // His other idea offers the same; another person's idea offers neither.
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}`);
    await page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).click();
    await page.getByRole('button', { name: 'Edit your idea' }).waitFor();
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}`);
    await page.getByRole('link', { name: 'Shade over the Riverside playground' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shade over the Riverside playground' }).waitFor();
    expect(await page.getByRole('region', { name: 'Your idea' }).count()).toBe(0);
    await context.close();
  });

  it('votes and takes the vote back with the budget in words, with the keyboard', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'carmen@example.org');
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}`);
    const title = 'Plant fruit trees along the greenway';
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    // Carmen voted once in the demo: 4 of 5 left.
    await item.getByText('4 of 5 votes left').waitFor();
    await item.getByText('1 support', { exact: true }).waitFor();
    await voteButton(page, title).focus();
    await page.keyboard.press('Enter');
    await item.getByText('2 supports').waitFor();
    await item.getByText('3 of 5 votes left').waitFor();
    expect(await voteButton(page, title).getAttribute('aria-pressed')).toBe('true');
    // The count that changed lives in a polite live region.
    expect(await item.getByText('2 supports').getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Space');
    await item.getByText('1 support', { exact: true }).waitFor();
    await item.getByText('4 of 5 votes left').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('says a spent budget beside the idea, and drops it once a vote is taken back elsewhere', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'carmen@example.org');
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}?sort=NEW`);
    const item = (title: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    const spend = ['Water new street trees in their first summers', 'Plant fruit trees along the greenway'];
    spend.push('Signs in plain language', 'Lights along the river path at night');
    for (const [n, title] of spend.entries()) {
      await voteButton(page, title).click();
      await item(title)
        .getByText(`${3 - n} of 5 votes left`)
        .waitFor();
    }
    const extra = 'Sandpit covers to keep cats out';
    await voteButton(page, extra).click();
    const refusal = item(extra).getByRole('alert');
    await refusal.getByText('You have used all 5 of your votes in this consultation.', { exact: false }).waitFor();
    await expectAccessible(page);
    // Taking back a vote on another idea ends the refusal: the message goes with the state it was about.
    await voteButton(page, spend[0]!).click();
    await item(spend[0]!).getByText('1 of 5 votes left').waitFor();
    await refusal.waitFor({ state: 'detached' });
    for (const title of spend) if (title !== spend[0]) await voteButton(page, title).click();
    await item(spend[1]!).getByText('4 of 5 votes left').waitFor();
    await context.close();
  });

  it('comments, replies, edits and deletes, follows and reports, and finds it all in My activity', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'dev@example.org');
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}`);
    await page.getByRole('link', { name: 'Step-free paths to every park entrance' }).click();
    const thread = page.getByRole('region', { name: /Discussion/ });
    await thread.getByRole('article').first().waitFor();
    // Closed dialogs (the report forms) take no space and draw nothing.
    const closedAreas = await page
      .locator('dialog:not([open])')
      .evaluateAll((dialogs) => dialogs.map((d) => d.getBoundingClientRect().width * d.getBoundingClientRect().height));
    expect(closedAreas.length).toBeGreaterThan(0);
    expect(closedAreas).toEqual(closedAreas.map(() => 0));
    // Status and topic tags read in sentence case, as written.
    const transforms = await page
      .locator('.usa-tag')
      .evaluateAll((tags) => tags.map((tag) => getComputedStyle(tag).textTransform));
    expect(transforms.length).toBeGreaterThan(0);
    expect(new Set(transforms)).toEqual(new Set(['none']));
    await thread.getByLabel('Add a comment').fill('The east gate has three steps.');
    await thread.getByRole('button', { name: 'Post comment' }).click();
    const mine = thread.getByRole('article').filter({ hasText: 'The east gate has three steps.' });
    await mine.waitFor();

    await mine.getByRole('button', { name: 'Edit' }).click();
    await thread.getByLabel('Edit your comment').fill('The east gate has four steps.');
    await thread.getByRole('button', { name: 'Save' }).click();
    await thread.getByText('The east gate has four steps.').waitFor();
    await thread.getByText('edited', { exact: false }).first().waitFor();

    const carmen = thread.getByRole('article').filter({ hasText: 'Does anyone know when the public pool opens' });
    await carmen.getByRole('button', { name: 'Reply' }).click();
    await thread.getByLabel('Your reply').fill('In June, I think.');
    await thread.getByRole('button', { name: 'Post reply' }).click();
    await thread.getByText('In June, I think.').waitFor();

    // Report Carmen's comment: a dialog with reasons.
    await carmen.getByRole('button', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report to the moderators' });
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'report-dialog');
    await dialog.getByText('Not about this consultation').click();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    // Dev had already reported it in the demo data.
    await carmen.getByText('You have already reported this.').waitFor();

    page.once('dialog', (confirm) => void confirm.accept());
    const edited = thread.getByRole('article').filter({ hasText: 'The east gate has four steps.' });
    await edited.getByRole('button', { name: 'Delete' }).click();
    await thread.getByText('This comment was deleted by its author.').waitFor();

    await page.getByRole('button', { name: 'Follow this idea' }).click();
    await page.getByRole('button', { name: 'Following' }).waitFor();
    await voteButton(page, 'Step-free paths to every park entrance').waitFor();

    await page.getByRole('link', { name: 'My activity' }).click();
    const ideas = page.getByRole('region', { name: 'My ideas' });
    await ideas.getByRole('link', { name: 'Plant fruit trees along the greenway' }).waitFor();
    const votes = page.getByRole('region', { name: 'Ideas I voted for' });
    await votes.getByRole('link', { name: 'Step-free paths to every park entrance' }).waitFor();
    const follows = page.getByRole('region', { name: 'Ideas I follow' });
    await follows.getByRole('link', { name: 'Step-free paths to every park entrance' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'my-activity');
    await context.close();
  });

  it('comments and opens and closes the report dialog with the keyboard alone', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'carmen@example.org');
    await page.goto(`${suite.server.url}${CAMPAIGN_PATH}`);
    await page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).focus();
    await page.keyboard.press('Enter');
    const thread = page.getByRole('region', { name: /Discussion/ });
    await thread.getByLabel('Add a comment').focus();
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await thread.getByText('Typed without a mouse.').waitFor();

    const report = thread
      .getByRole('article')
      .filter({ hasText: 'Yes, and benches under them.' })
      .getByRole('button', { name: 'Report' });
    await report.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Report to the moderators' });
    await dialog.waitFor();
    // Focus moves into the dialog; Escape closes it and gives focus back to the button.
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await report.evaluate((node) => node === document.activeElement)).toBe(true);
    await context.close();
  });
});
