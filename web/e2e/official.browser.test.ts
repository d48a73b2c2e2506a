import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

describe('an official', () => {
  const suite = browserSuite();

  it('creates a consultation with every rule explained, fixes its errors, opens and closes it', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'parks.official@example.org');
    await page.getByRole('link', { name: 'Agency console' }).click();
    await page.getByRole('heading', { level: 2, name: 'City Parks Department' }).waitFor();
    await page.getByRole('link', { name: 'Better parks for summer' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'New consultation' }).click();

    await page.getByLabel('Title').fill('Dogs');
    await page.getByLabel('Votes per person').fill('0');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByRole('link', { name: 'Use 5 to 140 characters for the title.' }).waitFor();
    await summary.getByRole('link', { name: 'Enter a whole number of 1 or more, or leave it empty.' }).waitFor();
    await page.getByText('How many ideas one person can vote for. Leave empty for no limit.').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'console-new-campaign');

    await page.getByLabel('Title').fill('Dog parks for every district');
    await page.getByLabel('Summary').fill('Where should the city open its next off-leash dog parks?');
    await page.getByLabel('Details').fill('We can open **three** new dog parks next year.');
    await page.getByText('Up and down: people can also vote against ideas').click();
    await page.getByLabel('Votes per person').fill('3');
    await page.getByLabel('Votes that earn an official answer').fill('10');
    await page.getByLabel('Topics').fill('North, South');
    await page.getByLabel('Only people with a confirmed email address may propose ideas and vote').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dog parks for every district' }).waitFor();
    await page.getByText('Status: Draft').waitFor();

    await page.getByRole('button', { name: 'Open the consultation' }).click();
    await page.getByText('The consultation is open.').waitFor();
    await page.getByRole('link', { name: 'Public page' }).click();
    await page.getByText('Vote ideas up or down (one vote per idea).').waitFor();
    await page.getByText('3 votes per person in this consultation.').waitFor();
    await page.getByText('Only people with a confirmed email address may propose ideas and vote.').waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Close the consultation' }).click();
    await page.getByText('The consultation is closed.').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('answers an idea while a citizen watches it, who sees the answer and the new status arrive', async () => {
    const official = await newPerson(suite.browser);
    const citizen = await newPerson(suite.browser, 360);
    await signIn(official.page, suite.server.url, 'parks.official@example.org');
    await signIn(citizen.page, suite.server.url, 'lena@example.org');

    const title = 'Step-free paths to every park entrance';
    await citizen.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await citizen.page.getByRole('link', { name: title }).click();
    await citizen.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await citizen.page.getByRole('region', { name: 'Official response' }).count()).toBe(0);
    // Her support is the third: the idea reaches the threshold and is owed an answer.
    await citizen.page.getByRole('button', { name: new RegExp(`^Support\\W+${title}$`) }).click();
    await citizen.page.getByText('3 supports').waitFor();

    // From the idea's own page, the official goes to answer it in the console.
    await official.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await official.page.getByRole('link', { name: title }).click();
    await official.page.getByRole('link', { name: 'Answer for City Parks Department in the agency console' }).click();
    await official.page.getByRole('heading', { level: 2, name: 'Awaiting an answer (1)' }).waitFor();
    await screenshots(official.page, 'console-answer');
    const awaiting = official.page.getByRole('region', { name: 'Awaiting an answer (1)' });
    await awaiting.getByRole('button', { name: new RegExp(`^Answer\\W+${title}$`) }).click();
    const form = official.page.getByRole('form', { name: `Official answer to ${title}` });
    await form.getByRole('button', { name: 'Publish the answer' }).click();
    await form.getByText('Write your answer.').first().waitFor();
    await expectAccessible(official.page);
    await form.getByLabel('New status of the idea').selectOption('IN_PROGRESS');
    await form.getByLabel('Your answer').fill('Ramps at the east and north gates are being built this month.');
    await form.getByRole('button', { name: 'Publish the answer' }).click();
    await official.page.getByText(`Your answer to “${title}” is published.`).waitFor();
    await official.page.getByText('No idea is waiting for an answer.').waitFor();

    // A duplicate points to the original.
    const copy = 'Water new street trees in their first summers';
    await official.page
      .getByRole('navigation', { name: 'Sections of this consultation' })
      .getByRole('link', { name: 'All ideas' })
      .click();
    const all = official.page.getByRole('region', { name: /^All ideas \(\d+\)$/ });
    await all.getByRole('button', { name: new RegExp(`^Answer\\W+${copy}$`) }).click();
    const duplicate = official.page.getByRole('form', { name: `Official answer to ${copy}` });
    await duplicate.getByLabel('New status of the idea').selectOption('DUPLICATE');
    await duplicate.getByRole('button', { name: 'Publish the answer' }).click();
    await duplicate.getByText('Choose the idea this one duplicates.').first().waitFor();
    await duplicate.getByLabel('Duplicate of').selectOption({ label: 'Plant fruit trees along the greenway' });
    await duplicate.getByLabel('Your answer').fill('Watering is part of the fruit tree plan.');
    await duplicate.getByRole('button', { name: 'Publish the answer' }).click();
    await official.page.getByText(`Your answer to “${copy}” is published.`).waitFor();

    // The citizen's page updates by itself (it polls every 10 seconds).
    const response = citizen.page.getByRole('region', { name: 'Official response' });
    await response
      .getByText('Ramps at the east and north gates are being built this month.')
      .waitFor({ timeout: 25000 });
    await response.getByText('Omar Okafor, for City Parks Department').waitFor();
    await citizen.page.getByRole('region', { name: 'What happened' }).getByText('In progress').waitFor();
    await expectAccessible(citizen.page);
    await citizen.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await citizen.page.getByRole('link', { name: copy }).click();
    await citizen.page.getByText('The agency marked this as a duplicate of').waitFor();
    await citizen.page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).waitFor();
    await official.context.close();
    await citizen.context.close();
  });
});
