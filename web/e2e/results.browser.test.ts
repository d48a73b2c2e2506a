import ExcelJS from 'exceljs';
import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

const CAMPAIGN = 'better-parks-for-summer';
const TITLE = 'Step-free paths to every park entrance';

describe('officials prove they listen, and a consultation ends well', () => {
  // The server's clock moves forward in this suite (POST /test/clock), so an answer falls due without waiting.
  const suite = browserSuite({ TEST_CLOCK: 'true' });

  const advanceDays = async (days: number) => {
    const response = await fetch(`${suite.server.url}/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceHours: days * 24 }),
    });
    expect(response.status).toBe(200);
  };

  it('commits to 7 days; an idea falls due, then overdue, is answered and leaves the lists; the results stay public', async () => {
    const official = await newPerson(suite.browser);
    const citizen = await newPerson(suite.browser, 360);
    await signIn(official.page, suite.server.url, 'parks.official@example.org');
    await signIn(citizen.page, suite.server.url, 'lena@example.org');
    const console = official.page;
    const sections = () => console.getByRole('navigation', { name: 'Sections of this consultation' });

    // The official commits to answer within 7 days.
    await console.getByRole('link', { name: 'Agency console' }).click();
    await console.getByRole('link', { name: 'Better parks for summer' }).click();
    await sections().getByRole('link', { name: 'Settings' }).click();
    await console.getByLabel('Days to answer').fill('400');
    await console.getByRole('button', { name: 'Save changes' }).click();
    await console
      .getByTestId('error-summary')
      .getByRole('link', { name: 'Use a whole number of days from 0 to 365, or leave it empty for no commitment.' })
      .waitFor();
    await console.getByLabel('Days to answer').fill('7');
    await console.getByRole('button', { name: 'Save changes' }).click();
    await console.getByText('Changes saved.').waitFor();
    await expectAccessible(console);

    // Her support is the third: the idea is owed an answer, due in 7 days.
    await citizen.page.goto(`${suite.server.url}/campaigns/${CAMPAIGN}`);
    await citizen.page
      .getByText('The agency commits to answer an idea within 7 days of its reaching the threshold.')
      .waitFor();
    await citizen.page.getByRole('button', { name: new RegExp(`^Support\\W+${TITLE}$`) }).click();
    await citizen.page.getByText('3 supports').first().waitFor();
    await citizen.page.getByRole('link', { name: TITLE }).click();
    await citizen.page.getByTestId('response-due').getByText('Answer due by').waitFor();

    // Eight days later (on the server's clock) it is overdue, and the public list says so.
    await advanceDays(8);
    await citizen.page.reload();
    await citizen.page.getByTestId('response-due').getByText('Answer overdue since').waitFor();
    await citizen.page.goto(`${suite.server.url}/campaigns/${CAMPAIGN}`);
    await citizen.page.getByRole('link', { name: 'See the 1 idea whose answer is overdue' }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Answers overdue' }).waitFor();
    await citizen.page.getByText('1 idea is overdue.').waitFor();
    await citizen.page.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(citizen.page);
    await screenshots(citizen.page, 'overdue-answers');

    // The console's overview: the figures, the charts with their tables, the downloads.
    await sections().getByRole('link', { name: 'Overview' }).click();
    await console.getByRole('heading', { level: 2, name: 'Participation and answers' }).waitFor();
    const participation = console.getByRole('figure', { name: 'Participation per day' });
    await participation.getByText('Show the figures as a table').click();
    await participation.getByRole('columnheader', { name: 'Participants' }).waitFor();
    await console.getByRole('img', { name: /^Chart: Ideas by status\./ }).waitFor();
    await expectAccessible(console);
    await screenshots(console, 'console-campaign');

    // The XLSX download, read back with the library that wrote it.
    const [download] = await Promise.all([
      console.waitForEvent('download'),
      console.getByRole('link', { name: 'Ideas and answers (Excel workbook, .xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${CAMPAIGN}-ideas.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ideas', 'Answers']);
    const ideas = workbook.getWorksheet('Ideas')!;
    const titles = ideas.getColumn(2).values.slice(2);
    expect(titles).toContain(TITLE);
    expect(ideas.rowCount).toBe(17);
    expect(workbook.getWorksheet('Answers')!.rowCount).toBe(2);

    // Ideas to answer, narrowed by topic; the answer form shows the idea beside it.
    await sections()
      .getByRole('link', { name: /^Ideas to answer/ })
      .click();
    await console.getByLabel('Topic', { exact: true }).selectOption('Trees');
    await console.getByText('No idea to answer matches these filters.').waitFor();
    await console.getByLabel('Topic', { exact: true }).selectOption('Accessibility');
    await console.getByRole('button', { name: new RegExp(`^Answer\\W+${TITLE}$`) }).click();
    const idea = console.getByRole('region', { name: `The idea: ${TITLE}` });
    await idea.getByText('Several entrances have steps or gravel only.').waitFor();
    await idea.getByText('Answer overdue since').waitFor();
    await expectAccessible(console);
    const form = console.getByRole('form', { name: `Official answer to ${TITLE}` });
    await form.getByLabel('New status of the idea').selectOption('IMPLEMENTED');
    await form.getByLabel('Your answer').fill('Ramps are now in place at every entrance.');
    await form.getByRole('button', { name: 'Publish the answer' }).click();
    await console.getByText(`Your answer to “${TITLE}” is published.`).waitFor();
    await console.getByText('No idea to answer matches these filters.').waitFor();

    // Answered: off the overdue list; votes stop on it, and her support can still be taken back.
    await citizen.page.reload();
    await citizen.page.getByText('0 ideas are overdue.').waitFor();
    await citizen.page.goto(`${suite.server.url}/campaigns/${CAMPAIGN}`);
    await citizen.page.getByRole('link', { name: TITLE }).click();
    await citizen.page.getByText('Votes have stopped: this idea has been carried out.').waitFor();
    expect(await citizen.page.getByRole('button', { name: new RegExp(`^Support\\W+${TITLE}$`) }).count()).toBe(0);
    await citizen.page.getByRole('button', { name: new RegExp(`^Take back my support\\W+${TITLE}$`) }).click();
    await citizen.page.getByText('2 supports').waitFor();
    await expectAccessible(citizen.page);

    // Every idea in a table, sorted by votes or by date.
    await sections().getByRole('link', { name: 'All ideas' }).click();
    const table = console.getByRole('table');
    await table.getByRole('rowheader', { name: TITLE }).waitFor();
    await table.getByRole('button', { name: /^Submitted/ }).click();
    await table.locator('th[aria-sort="descending"]', { hasText: 'Submitted' }).waitFor();
    await expectAccessible(console);

    // The official closes the consultation: it stays listed, with its results.
    await sections().getByRole('link', { name: 'Settings' }).click();
    await console.getByRole('button', { name: 'Close the consultation' }).click();
    await console.getByText('The consultation is closed.').waitFor();
    await citizen.page.goto(suite.server.url);
    const past = citizen.page.getByRole('list', { name: 'Past consultations' });
    await past.getByRole('link', { name: 'Better parks for summer' }).waitFor();
    await past.getByRole('listitem').filter({ hasText: 'Better parks for summer' }).getByText('Closed on').waitFor();
    await past.getByRole('link', { name: 'Better parks for summer' }).click();
    await citizen.page.getByRole('heading', { name: 'This consultation has ended' }).waitFor();
    const results = citizen.page.getByRole('region', { name: 'Results' });
    await results.getByText('Ramps are now in place at every entrance.').waitFor();
    await results.getByRole('heading', { name: /^Rank 1: / }).waitFor();
    expect(await citizen.page.getByRole('link', { name: 'Propose an idea' }).count()).toBe(0);
    expect(await citizen.page.getByRole('button', { name: /^Support/ }).count()).toBe(0);
    await expectAccessible(citizen.page);
    await screenshots(citizen.page, 'campaign-results');
    await official.context.close();
    await citizen.context.close();
  });
});
