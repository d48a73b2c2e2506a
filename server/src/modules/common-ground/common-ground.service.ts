import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { campaignsRepository } from '../campaigns/campaigns.repository.js';
import { ideasRepository } from '../ideas/ideas.repository.js';
import { LISTED_IDEA } from '../../database/predicates.js';
import { one, rows } from '../../database/sql.js';
import { commonGroundScores, fitCommonGround, type VoteMatrix } from './fit.js';

/** Votes on a campaign's listed ideas: what its common ground is computed from, and what the open data shows. */
export const LISTED_VOTES = `FROM votes v JOIN ideas li ON li.id = v.idea_id
  WHERE v.campaign_id = $1 AND ${LISTED_IDEA('li')}`;

/** What identifies a set of votes: it changes when any vote is cast, changed or taken back, or an idea leaves. */
const FINGERPRINT = `(SELECT count(*) || ':' || coalesce(sum(hashtext(v.user_id::text || v.idea_id::text || v.value)::bigint), 0) ${LISTED_VOTES})`;

/** The votes on a campaign's listed ideas as parallel arrays, people and ideas numbered from 0. */
interface MatrixRow {
  ideas: string[];
  people: number[];
  idea: number[];
  value: number[];
  count: number;
}

export interface ScoredIdea {
  id: string;
  title: string;
  votes: number;
  commonGround: number | null;
}

/** The campaigns whose votes the sweep looks at: UP_DOWN, running or closed (not drafts, not archived). */
const DUE_SQL = `SELECT id FROM campaigns
  WHERE voting_mode = 'UP_DOWN' AND status IN ('OPEN', 'CLOSED')
    AND (common_ground_at IS NULL OR common_ground_at <= now() - make_interval(secs => $1))
  ORDER BY common_ground_at NULLS FIRST, id`;

/**
 * Computes and stores each idea's common ground per UP_DOWN campaign, from the votes on its listed ideas.
 * The sweep recomputes a campaign at most every COMMON_GROUND_INTERVAL_SECONDS, and only when its votes
 * changed; reading never computes.
 */
@Injectable()
export class CommonGroundService {
  constructor(
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The votes on a campaign's listed ideas, people and ideas numbered in id order. */
  async matrix(manager: EntityManager, campaignId: string): Promise<{ matrix: VoteMatrix; ideaIds: string[] }> {
    const row = (await one<MatrixRow>(
      manager,
      `WITH listed AS (
         SELECT li.id, (row_number() OVER (ORDER BY li.id) - 1)::int AS n FROM ideas li
          WHERE li.campaign_id = $1 AND ${LISTED_IDEA('li')}),
       numbered AS (
         SELECT * FROM (
           SELECT (dense_rank() OVER (ORDER BY v.user_id) - 1)::int AS p, l.n AS i, v.value
             FROM votes v JOIN listed l ON l.id = v.idea_id WHERE v.campaign_id = $1) n
          ORDER BY p, i)
       SELECT (SELECT coalesce(array_agg(id::text ORDER BY n), '{}') FROM listed) AS ideas,
              coalesce(array_agg(p), '{}') AS people, coalesce(array_agg(i), '{}') AS idea,
              coalesce(array_agg(value), '{}') AS value, coalesce(max(p) + 1, 0)::int AS count
         FROM numbered`,
      [campaignId],
    ))!;
    const ideaIds = row.ideas;
    return {
      ideaIds,
      matrix: {
        people: row.count,
        ideas: ideaIds.length,
        person: Int32Array.from(row.people),
        idea: Int32Array.from(row.idea),
        value: Int8Array.from(row.value),
      },
    };
  }

  /** Fits a matrix and gives each idea's score, null below COMMON_GROUND_MIN_VOTES. */
  score(matrix: VoteMatrix): Array<number | null> {
    return commonGroundScores(fitCommonGround(matrix), this.config.commonGround.minVotes);
  }

  /**
   * Recomputes one campaign now and stores the scores; null when it is not an UP_DOWN campaign or another
   * worker is computing it at this moment.
   */
  async recompute(campaignId: string): Promise<ScoredIdea[] | null> {
    return this.database.dataSource.transaction(async (manager) => {
      const campaign = await one<{ voting_mode: string; mine: boolean }>(
        manager,
        `SELECT voting_mode, pg_try_advisory_xact_lock(hashtext('common-ground:' || id::text)) AS mine
           FROM campaigns WHERE id = $1`,
        [campaignId],
      );
      if (!campaign || campaign.voting_mode !== 'UP_DOWN' || !campaign.mine) return null;
      const { fingerprint } = (await one<{ fingerprint: string }>(manager, `SELECT ${FINGERPRINT} AS fingerprint`, [
        campaignId,
      ]))!;
      const { matrix, ideaIds } = await this.matrix(manager, campaignId);
      const scores = this.score(matrix);
      await ideasRepository.setCommonGround(manager, campaignId, ideaIds, scores as number[]);
      await campaignsRepository.markCommonGround(manager, campaignId, fingerprint);
      const titles = await ideasRepository.findByIds(manager, ideaIds);
      const titleOf = new Map(titles.map((t) => [t.id, t.title]));
      const votes = new Int32Array(ideaIds.length);
      for (const i of matrix.idea) votes[i]!++;
      return ideaIds.map((id, i) => ({ id, title: titleOf.get(id) ?? '', votes: votes[i]!, commonGround: scores[i]! }));
    });
  }

  /** The sweep: every due campaign whose votes changed since its last computation is computed again. */
  async sweep(): Promise<number> {
    const due = await rows<{ id: string }>(this.database.dataSource, DUE_SQL, [
      this.config.commonGround.intervalSeconds,
    ]);
    let computed = 0;
    for (const { id } of due) {
      const { unchanged } = (await one<{ unchanged: boolean }>(
        this.database.dataSource,
        `SELECT common_ground_votes IS NOT DISTINCT FROM ${FINGERPRINT} AS unchanged FROM campaigns WHERE id = $1`,
        [id],
      ))!;
      if (unchanged) {
        await campaignsRepository.markCommonGround(this.database.dataSource, id, null);
        continue;
      }
      if (await this.recompute(id)) computed++;
    }
    return computed;
  }
}
