import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { JobQueueService } from '../../src/jobs/job-queue.service.js';
import { COMMON_GROUND_SWEEP } from '../../src/modules/common-ground/common-ground.module.js';
import { VotesService } from '../../src/modules/votes/votes.service.js';
import type { TestApp } from '../support/app.js';
import {
  appWithPersonas,
  makeCampaign,
  makeIdea,
  makeUser,
  viewerOf,
  type Personas,
  type TestUser,
} from '../support/factories.js';
import { waitFor } from '../support/wait.js';

const IDEAS = `query ($id: ID!, $sort: IdeaSort, $after: String) { campaign(id: $id) {
  ideas(sort: $sort, first: 3, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id title score commonGround } } } } }`;

/**
 * Camp A (24 people) votes ideas A1, A2 up and B1 down; camp B (8) the other way; a part of both camps
 * supports the bridge. TOP puts A's favourite first; common ground the bridge.
 */
async function campsCampaign(t: TestApp, p: Personas) {
  const campaign = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
  const author = await makeUser(t);
  const [bridge, a1, a2, b1, few] = await Promise.all(
    [
      'Bridge: shade trees on every school route',
      'Camp A first idea',
      'Camp A second idea',
      'Camp B idea',
      'Few votes so far',
    ].map((title) => makeIdea(t, campaign, author, { title })),
  );
  const votes = t.app.get(VotesService);
  const cast = async (person: TestUser, idea: { id: string }, value: 1 | -1) =>
    votes.castVote(await viewerOf(t, person), idea.id, value);
  const camp = async (size: number, own: Array<{ id: string }>, other: Array<{ id: string }>, bridgeUp: number) => {
    for (let k = 0; k < size; k++) {
      const person = await makeUser(t);
      for (const idea of own) await cast(person, idea, 1);
      for (const idea of other) await cast(person, idea, -1);
      if (k < bridgeUp) await cast(person, bridge, 1);
      else if (k < bridgeUp + Math.ceil(size / 5)) await cast(person, bridge, -1);
    }
  };
  await camp(24, [a1, a2], [b1], 10);
  await camp(8, [b1], [a1, a2], 4);
  for (let k = 0; k < 3; k++) await cast(await makeUser(t), few, 1);
  return { campaign, bridge, a1, few };
}

async function allPages(t: TestApp, campaignId: string, sort: string) {
  const seen: Array<{ id: string; title: string; commonGround: number | null }> = [];
  let after: string | null = null;
  do {
    const page: any = await t.gql(IDEAS, { id: campaignId, sort, after });
    const ideas = page.data.campaign.ideas;
    seen.push(...ideas.edges.map((e: any) => e.node));
    after = ideas.pageInfo.hasNextPage ? ideas.pageInfo.endCursor : null;
  } while (after);
  return seen;
}

describe('common ground', () => {
  let t: TestApp;
  let p: Personas;
  let setUp: Awaited<ReturnType<typeof campsCampaign>>;
  beforeAll(async () => {
    ({ t, p } = await appWithPersonas({
      config: { workers: true, openDataVoteMatrix: true, commonGround: { intervalSeconds: 300, minVotes: 5 } },
    }));
    setUp = await campsCampaign(t, p);
  });
  afterAll(() => t.close());

  it('is null until computed: reading never computes', async () => {
    const fresh = await campsCampaign(t, p);
    const ideas = await allPages(t, fresh.campaign.gid, 'COMMON_GROUND');
    expect(ideas.map((idea) => idea.commonGround)).toEqual([null, null, null, null, null]);
  });

  it('is recomputed in the background through the job queue, and ranks the bridge first', async () => {
    await t.app.get(JobQueueService).started();
    await t.app.get(JobQueueService).send(COMMON_GROUND_SWEEP);
    await waitFor('common ground to be computed', async () => {
      const ideas = await allPages(t, setUp.campaign.gid, 'COMMON_GROUND');
      return ideas[0]!.commonGround !== null;
    });
    const byGround = await allPages(t, setUp.campaign.gid, 'COMMON_GROUND');
    const byTop = await allPages(t, setUp.campaign.gid, 'TOP');
    expect(byTop[0]!.title).toMatch(/^Camp A/);
    expect(byGround[0]!.title).toMatch(/^Bridge/);
    // Every idea once over pages of 3; below the minimum of votes: null, and last.
    expect(new Set(byGround.map((idea) => idea.id)).size).toBe(5);
    expect(byGround.at(-1)).toMatchObject({ title: 'Few votes so far', commonGround: null });
  });

  it('is not recomputed before the interval, even when asked', async () => {
    const db = t.app.get(DatabaseService).dataSource;
    const [before] = await db.query('SELECT common_ground_at FROM campaigns WHERE id = $1', [setUp.campaign.id]);
    await t.app.get(VotesService).castVote(await viewerOf(t, await makeUser(t)), setUp.a1.id, 1);
    await t.app.get(JobQueueService).send(COMMON_GROUND_SWEEP);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const [after] = await db.query('SELECT common_ground_at FROM campaigns WHERE id = $1', [setUp.campaign.id]);
    expect(after.common_ground_at).toEqual(before.common_ground_at);
  });

  it('behaves as TOP in SUPPORT campaigns, where it is always null', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const ideas = await Promise.all([1, 2, 3, 4].map(async () => makeIdea(t, campaign, await makeUser(t))));
    const votes = t.app.get(VotesService);
    for (const [n, idea] of ideas.entries()) {
      for (let k = 0; k < n; k++) await votes.castVote(await viewerOf(t, await makeUser(t)), idea.id, 1);
    }
    const byGround = await allPages(t, campaign.gid, 'COMMON_GROUND');
    const byTop = await allPages(t, campaign.gid, 'TOP');
    expect(byGround.map((idea) => idea.id)).toEqual(byTop.map((idea) => idea.id));
    expect(byGround.every((idea) => idea.commonGround === null)).toBe(true);
  });

  it('is printed by npm run common-ground with the numbers the site shows, also from the open-data download', async () => {
    const env = { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test' };
    const cli = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'server/dist/server/src/cli/common-ground.js'), '--campaign', setUp.campaign.slug],
      { env, encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const site = await allPages(t, setUp.campaign.gid, 'COMMON_GROUND');
    const printed = (output: string) =>
      output
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .map(([score, , id]) => ({ id, score }));
    const fromSite = site.map((idea) => ({
      id: idea.id,
      score: idea.commonGround === null ? 'null' : idea.commonGround.toFixed(6),
    }));
    expect(printed(cli.stdout)).toEqual(fromSite);

    const download = await fetch(`${t.url}/open-data/campaigns/${setUp.campaign.slug}/vote-matrix.csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await download.text();
    const file = join(mkdtempSync(join(tmpdir(), 'consulta-matrix-')), 'matrix.csv');
    writeFileSync(file, csv);
    const audit = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'server/dist/server/src/cli/common-ground.js'), '--from', file],
      { env, encoding: 'utf8' },
    );
    expect(audit.status).toBe(0);
    expect(printed(audit.stdout)).toEqual(fromSite);
  });

  it('publishes pseudonyms that differ per campaign and are not derived from the person’s id', async () => {
    const other = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    const idea = await makeIdea(t, other, p.author);
    const voter = await makeUser(t);
    const votes = t.app.get(VotesService);
    await votes.castVote(await viewerOf(t, voter), idea.id, 1);
    await votes.castVote(await viewerOf(t, voter), setUp.few.id, 1);
    const read = async (slug: string) =>
      (await (await fetch(`${t.url}/open-data/campaigns/${slug}/vote-matrix.csv`)).text()).trim().split('\n').slice(1);
    const here = (await read(other.slug)).map((line) => line.split(',')[1]!);
    const there = (await read(setUp.campaign.slug)).map((line) => line.split(',')[1]!);
    expect(here).toHaveLength(1);
    expect(there).not.toContain(here[0]);
    const text = [...here, ...there].join('\n');
    for (const derived of [
      voter.user.id,
      createHash('sha256').update(voter.user.id).digest('base64url').slice(0, 22),
    ]) {
      expect(text).not.toContain(derived);
    }
    // SUPPORT campaigns and drafts have none (and the whole download is off unless the deployment opts in).
    const support = await makeCampaign(t, p.agency);
    expect((await fetch(`${t.url}/open-data/campaigns/${support.slug}/vote-matrix.csv`)).status).toBe(404);
    const draft = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN', open: false });
    expect((await fetch(`${t.url}/open-data/campaigns/${draft.slug}/vote-matrix.csv`)).status).toBe(404);
  });
});
