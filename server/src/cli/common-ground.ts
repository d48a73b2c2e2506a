import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { anonymousViewer } from '../common/auth/request-viewer.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toGlobalId } from '../common/graphql/global-id.js';
import { CampaignsService } from '../modules/campaigns/campaigns.service.js';
import { CommonGroundService, type ScoredIdea } from '../modules/common-ground/common-ground.service.js';
import { matrixFromCsv } from '../modules/common-ground/vote-matrix.js';
import { cliConfig, withApp } from './with-app.js';

const USAGE = `Usage: npm run common-ground -- --campaign SLUG [--from FILE]

  --campaign SLUG  recompute the campaign's common ground now, store it and print it (as the site shows it)
  --from FILE      instead, compute it from a downloaded vote matrix (idea_id,voter,value) and print it
  --stats          also print the recompute's time and peak memory (on stderr)

Acts on DATABASE_URL, or on the embedded database when it is unset.`;

/** One line per idea, highest common ground first, ideas without one last: the site's COMMON_GROUND order. */
export function printScores(ideas: Array<Omit<ScoredIdea, 'title'> & { title?: string }>): string {
  const sorted = [...ideas].sort(
    (a, b) => (b.commonGround ?? -Infinity) - (a.commonGround ?? -Infinity) || (a.id < b.id ? -1 : 1),
  );
  const lines = sorted.map(
    (idea) =>
      `${idea.commonGround === null ? '      null' : idea.commonGround.toFixed(6).padStart(10)}  ${String(idea.votes).padStart(7)}  ${idea.id}${idea.title ? `  ${idea.title}` : ''}`,
  );
  return `common_ground    votes  idea\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      campaign: { type: 'string' },
      from: { type: 'string' },
      stats: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help || (!values.campaign && !values.from)) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = cliConfig();
  if (values.from) {
    // No database needed: the file is all there is to it.
    const { matrix, ideaIds } = matrixFromCsv(readFileSync(values.from, 'utf8'));
    const { commonGroundScores, fitCommonGround } = await import('../modules/common-ground/fit.js');
    const scores = commonGroundScores(fitCommonGround(matrix), config.commonGround.minVotes);
    const votes = new Int32Array(ideaIds.length);
    for (const i of matrix.idea) votes[i]!++;
    process.stdout.write(printScores(ideaIds.map((id, i) => ({ id, votes: votes[i]!, commonGround: scores[i]! }))));
    return 0;
  }
  return withApp(config, async (app) => {
    const campaign = await app.get(CampaignsService).findVisible(anonymousViewer(), { slug: values.campaign! });
    if (!campaign) {
      process.stderr.write(`Error: no public campaign has the slug ${values.campaign}\n`);
      return 1;
    }
    const started = performance.now();
    const scored = await app.get(CommonGroundService).recompute(campaign.id);
    if (values.stats) {
      // What the benchmark reads: the recompute's time and the process's peak memory.
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const peak = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stderr.write(`recompute: ${seconds} s, peak RSS ${peak} MB\n`);
    }
    if (!scored) {
      process.stderr.write(
        'Error: common ground is computed for UP_DOWN campaigns only (or it is being computed now)\n',
      );
      return 1;
    }
    process.stdout.write(printScores(scored.map((idea) => ({ ...idea, id: toGlobalId('Idea', idea.id) }))));
    return 0;
  });
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    const fields = error instanceof DomainError ? ((error.extensions.fields ?? {}) as Record<string, string>) : {};
    const words = Object.values(fields).join(' ');
    process.stderr.write(`Error: ${words || (error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  },
);
