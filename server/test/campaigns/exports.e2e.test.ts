import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, type Personas } from '../support/factories.js';

const HIDE = 'mutation ($id: ID!, $reason: String!) { hideContent(targetId: $id, reason: $reason) { __typename } }';
const RESPOND = 'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }';
const CAST = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }';

describe("a campaign's exports", () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const download = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  async function campaignWithAnswers() {
    const c = await makeCampaign(t, p.agency, { responseThreshold: 1, responseDays: 7, tags: ['Parks', 'Streets'] });
    const shade = await makeIdea(t, c, p.author, { title: 'Shade trees on every square', tag: 'Parks' });
    const formula = await makeIdea(t, c, p.citizen, { title: '=HYPERLINK("http://evil.example")', body: '@SUM(1)' });
    const hidden = await makeIdea(t, c, p.citizen, { title: 'Something hidden later' });
    await t.gql(CAST, { id: shade.gid }, { token: (await makeUser(t)).token });
    await t.gql(
      RESPOND,
      { input: { ideaId: shade.gid, body: 'We are looking.', status: 'UNDER_REVIEW' } },
      {
        token: p.official.token,
      },
    );
    await t.gql(
      RESPOND,
      { input: { ideaId: shade.gid, body: '-1 tree per square is not enough: yes.', status: 'ACCEPTED' } },
      {
        token: p.agencyAdmin.token,
      },
    );
    await t.gql(HIDE, { id: hidden.gid, reason: 'Off topic' }, { token: p.moderator.token });
    return { c, shade, formula, hidden };
  }

  it('give the agency every idea with its latest answer as CSV, hidden ones marked, formulas neutralised', async () => {
    const { c, shade, formula, hidden } = await campaignWithAnswers();
    const response = await download(`/exports/campaigns/${c.slug}/ideas.csv`, p.official.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${c.slug}-ideas.csv"`);
    const records: Record<string, string>[] = parse(await response.text(), { columns: true, bom: true });
    expect(records).toHaveLength(3);
    const byId = new Map(records.map((r) => [r.ID, r]));
    expect(byId.get(shade.gid)).toMatchObject({
      Title: 'Shade trees on every square',
      Status: 'ACCEPTED',
      Topic: 'Parks',
      Hidden: 'false',
      'Votes for': '1',
      'Latest answer status': 'ACCEPTED',
      'Latest answer': "'-1 tree per square is not enough: yes.",
      'Latest answer by': p.agencyAdmin.user.displayName,
    });
    const reached = new Date(byId.get(shade.gid)!['Reached the threshold']!).getTime();
    expect(new Date(byId.get(shade.gid)!['Answer due']!).getTime()).toBe(reached + 7 * 86_400_000);
    expect(byId.get(formula.gid)!.Title).toBe('\'=HYPERLINK("http://evil.example")');
    expect(byId.get(hidden.gid)).toMatchObject({ Hidden: 'true', 'Hidden because': 'Off topic' });

    const answers: Record<string, string>[] = parse(
      await (await download(`/exports/campaigns/${c.gid}/answers.csv?lang=es`, p.admin.token)).text(),
      { columns: true, bom: true },
    );
    expect(answers.map((a) => [a['Estado anterior'], a['Estado nuevo']])).toEqual([
      ['SUBMITTED', 'UNDER_REVIEW'],
      ['UNDER_REVIEW', 'ACCEPTED'],
    ]);
  });

  it('give the same as an XLSX workbook with an Ideas and an Answers sheet, read back with exceljs', async () => {
    const { c, shade, formula } = await campaignWithAnswers();
    const response = await download(`/exports/campaigns/${c.id}/ideas.xlsx`, undefined, {
      cookie: `consulta_session=${p.agencyAdmin.token}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ideas', 'Answers']);
    const ideas = workbook.getWorksheet('Ideas')!;
    expect(ideas.rowCount).toBe(4);
    const header = (ideas.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['ID', 'Title', 'Status', 'Topic']);
    const rows = [2, 3, 4].map((n) => (ideas.getRow(n).values as unknown[]).slice(1));
    const shadeRow = rows.find((r) => r[0] === shade.gid)!;
    expect(shadeRow.slice(1, 4)).toEqual(['Shade trees on every square', 'ACCEPTED', 'Parks']);
    expect(shadeRow[11]).toBeInstanceOf(Date);
    expect(rows.find((r) => r[0] === formula.gid)![1]).toBe('\'=HYPERLINK("http://evil.example")');
    const answers = workbook.getWorksheet('Answers')!;
    expect(answers.rowCount).toBe(3);
    expect((answers.getRow(3).values as unknown[]).slice(6, 8)).toEqual(['UNDER_REVIEW', 'ACCEPTED']);
  });

  it("are refused to everyone but the agency's members and site admins: 403, or 404 for what they cannot see", async () => {
    const c = await makeCampaign(t, p.agency);
    const draft = await makeCampaign(t, p.agency, { open: false });
    for (const file of ['ideas.csv', 'answers.csv', 'ideas.xlsx']) {
      for (const who of [p.official, p.agencyAdmin, p.admin])
        expect((await download(`/exports/campaigns/${c.slug}/${file}`, who.token)).status).toBe(200);
      expect((await download(`/exports/campaigns/${c.slug}/${file}`)).status).toBe(403);
      for (const who of [p.citizen, p.author, p.otherOfficial, p.moderator]) {
        const refused = await download(`/exports/campaigns/${c.slug}/${file}`, who.token);
        expect(refused.status).toBe(403);
        expect(await refused.text()).toContain('Only the officials of this agency (or a site admin)');
      }
      expect((await download(`/exports/campaigns/${draft.slug}/${file}`, p.otherOfficial.token)).status).toBe(404);
      expect((await download(`/exports/campaigns/no-such-campaign/${file}`, p.official.token)).status).toBe(404);
    }
    expect((await download(`/exports/campaigns/${draft.slug}/ideas.csv`, p.official.token)).status).toBe(200);
  });
});
