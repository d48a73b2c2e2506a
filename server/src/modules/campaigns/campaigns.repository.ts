import type { CampaignStatus } from '@consulta/shared';
import type { EntityManager } from 'typeorm';
import { CAMPAIGN_SEEN_BY } from '../../database/predicates.js';
import { afterCommit } from '../../database/after-commit.js';
import { one, rows, run, type Executor } from '../../database/sql.js';
import { campaignChanged } from './campaign-read-cache.js';
import { CAMPAIGN_COLUMNS, campaignFromRow, type CampaignEntity, type CampaignRow } from './campaign.entity.js';

/** Once the change to the campaign commits, this process's read caches forget the campaign. */
function changedOnCommit(executor: Executor, campaignId: string): void {
  afterCommit(executor as EntityManager, () => campaignChanged(campaignId));
}

/** A row of `campaign_participants`: a person who took part in a campaign and the votes they used. */
export interface ParticipantRow {
  campaign_id: string;
  user_id: string;
  votes_used: number;
  created_at: Date;
}

/** True while the campaign takes ideas and votes, on the database's clock (acceptsContributions in SQL). */
const ACCEPTING = (alias: string) =>
  `(${alias}.status = 'OPEN' AND (${alias}.opens_at IS NULL OR ${alias}.opens_at <= now()) AND (${alias}.closes_at IS NULL OR ${alias}.closes_at > now()))`;

/** The status people see (effectiveStatus in SQL): an OPEN campaign past its closing time is CLOSED. */
const EFFECTIVE_STATUS = (alias: string) =>
  `(CASE WHEN ${alias}.status = 'OPEN' AND ${alias}.closes_at <= now() THEN 'CLOSED' ELSE ${alias}.status END)`;

/** The settings of a campaign its officials set (every column but the counters, the id and the times). */
export type CampaignSettings = Pick<
  CampaignEntity,
  | 'agencyId'
  | 'slug'
  | 'title'
  | 'summary'
  | 'body'
  | 'bodyHtml'
  | 'status'
  | 'opensAt'
  | 'closesAt'
  | 'votingMode'
  | 'voteBudget'
  | 'responseThreshold'
  | 'responseDays'
  | 'requireVerifiedEmail'
  | 'tags'
  | 'createdBy'
>;

/** What decides whether a person may contribute to a campaign now (see contributionState). */
export interface ContributionState {
  accepting: boolean;
  /** Until when the person is suspended, or null when they are not suspended now. */
  suspendedUntil: Date | null;
  status: string;
  opensAt: Date | null;
  closesAt: Date | null;
  /** The database's clock, which decided `accepting`. */
  now: Date;
  /** The campaign asks for a confirmed address and the person has not confirmed theirs. */
  unverified: boolean;
}

export interface CampaignListFilter {
  /** The agencies whose drafts the viewer sees; null: every draft (admins). */
  draftsOf: string[] | null;
  status?: CampaignStatus | null;
  statuses?: CampaignStatus[] | null;
  /** undefined: every agency; null: an agency ID that matched nothing. */
  agencyId?: string | null;
}

const campaigns = async (executor: Executor, where: string, params: unknown[]) =>
  (await rows<CampaignRow>(executor, `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c ${where}`, params)).map(
    campaignFromRow,
  );

/** The list's conditions and parameters, shared by its page and its count. */
function listWhere(filter: CampaignListFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.draftsOf];
  const conditions = [CAMPAIGN_SEEN_BY('c', '$1')];
  if (filter.status) {
    params.push(filter.status);
    conditions.push(`${EFFECTIVE_STATUS('c')} = $${params.length}`);
  }
  if (filter.statuses) {
    params.push(filter.statuses);
    conditions.push(`${EFFECTIVE_STATUS('c')} = ANY($${params.length})`);
  }
  if (filter.agencyId !== undefined) {
    params.push(filter.agencyId);
    conditions.push(`c.agency_id = $${params.length}::uuid`);
  }
  return { where: conditions.join(' AND '), params };
}

export interface Participation {
  votesUsed: number;
  /** True when this call made the person a participant. */
  joined: boolean;
}

/**
 * Every statement that writes `campaigns` and `campaign_participants` (owned by the campaigns module),
 * except the vote write, which moves a person's votes used in the same statement as the vote
 * (votes.repository.ts, listed in the ownership test).
 */
export class CampaignsRepository {
  findByIds(executor: Executor, ids: readonly string[]): Promise<CampaignEntity[]> {
    return campaigns(executor, 'WHERE c.id = ANY($1)', [ids]);
  }

  async findBySlug(executor: Executor, slug: string): Promise<CampaignEntity | null> {
    return (await campaigns(executor, 'WHERE c.slug = $1', [slug]))[0] ?? null;
  }

  /** The campaign's row, locked for the rest of the transaction. */
  async lock(executor: Executor, id: string): Promise<CampaignEntity | null> {
    return (await campaigns(executor, 'WHERE c.id = $1 FOR UPDATE', [id]))[0] ?? null;
  }

  /** Newest first, a keyset page after (created_at, id). */
  list(
    executor: Executor,
    filter: CampaignListFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<CampaignEntity[]> {
    const { where, params } = listWhere(filter);
    const keyset = after
      ? ` AND (c.created_at, c.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`
      : '';
    params.push(limit);
    return campaigns(
      executor,
      `WHERE ${where}${keyset} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async count(executor: Executor, filter: CampaignListFilter): Promise<number> {
    const { where, params } = listWhere(filter);
    return (await one<{ n: number }>(executor, `SELECT count(*)::int AS n FROM campaigns c WHERE ${where}`, params))!.n;
  }

  /**
   * Whether the campaign takes contributions now and whether this person may make them (suspended now, or
   * unverified where the campaign asks for a confirmed address), with the person's participant row locked
   * for the rest of the transaction, all in one statement; it makes them a participant if they were not (a
   * refusal rolls the transaction back, and the row with it). This row is the first lock every write to a campaign takes
   * (participant, then idea, then campaign), so a person's votes in a campaign are serialised and budgets hold.
   */
  async contributionState(
    executor: Executor,
    campaignId: string,
    userId: string,
  ): Promise<{ state: ContributionState; participation: Participation | null }> {
    const participant = `INSERT INTO campaign_participants AS p (campaign_id, user_id) VALUES ($1, $2)
           ON CONFLICT (campaign_id, user_id) DO UPDATE SET votes_used = p.votes_used
           RETURNING votes_used, (xmax = 0) AS joined`;
    const row = await one<ContributionState & { votes_used: number | null; joined: boolean | null }>(
      executor,
      `WITH p AS (${participant})
       SELECT ${ACCEPTING('c')} AS accepting,
              CASE WHEN u.suspended_until > now() THEN u.suspended_until END AS "suspendedUntil",
              c.require_verified_email AND NOT coalesce(u.email_verified, false) AS unverified,
              c.status, c.opens_at AS "opensAt", c.closes_at AS "closesAt", now() AS now, p.votes_used, p.joined
         FROM campaigns c LEFT JOIN users u ON u.id = $2 LEFT JOIN p ON true WHERE c.id = $1`,
      [campaignId, userId],
    );
    if (!row) {
      const state = { accepting: false, suspendedUntil: null, unverified: false, status: 'DRAFT', now: new Date() };
      return { state: { ...state, opensAt: null, closesAt: null }, participation: null };
    }
    const { votes_used: votesUsed, joined, ...state } = row;
    return { state, participation: votesUsed === null ? null : { votesUsed, joined: joined! } };
  }

  /** Whether the campaign takes contributions now, and its dates to say why not (the database's clock). */
  async acceptance(executor: Executor, campaignId: string) {
    const row = await one<Omit<ContributionState, 'suspendedUntil' | 'unverified'>>(
      executor,
      `SELECT ${ACCEPTING('c')} AS accepting, c.status, c.opens_at AS "opensAt", c.closes_at AS "closesAt", now() AS now
         FROM campaigns c WHERE c.id = $1`,
      [campaignId],
    );
    return row ?? { accepting: false, status: 'DRAFT', opensAt: null, closesAt: null, now: new Date() };
  }

  /** Locks the participant rows of these people (in id order: the global lock order). */
  async lockParticipants(executor: Executor, campaignId: string, userIds: string[]): Promise<void> {
    await run(
      executor,
      'SELECT 1 FROM campaign_participants WHERE campaign_id = $1 AND user_id = ANY($2) ORDER BY user_id FOR UPDATE',
      [campaignId, userIds],
    );
  }

  /** How many of the campaign's ideas carry one of the tags. */
  async ideasTagged(executor: Executor, campaignId: string, tags: string[]): Promise<number> {
    const row = await one<{ n: number }>(
      executor,
      'SELECT count(*)::int AS n FROM ideas WHERE campaign_id = $1 AND tag = ANY($2)',
      [campaignId, tags],
    );
    return row!.n;
  }

  async insert(executor: Executor, campaign: CampaignSettings): Promise<CampaignEntity> {
    const row = await one<CampaignRow>(
      executor,
      `INSERT INTO campaigns AS c (agency_id, slug, title, summary, body, body_html, status, opens_at, closes_at,
                                   voting_mode, vote_budget, response_threshold, tags, created_by, require_verified_email,
                                   response_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${CAMPAIGN_COLUMNS}`,
      [
        campaign.agencyId,
        campaign.slug,
        campaign.title,
        campaign.summary,
        campaign.body,
        campaign.bodyHtml,
        campaign.status,
        campaign.opensAt,
        campaign.closesAt,
        campaign.votingMode,
        campaign.voteBudget,
        campaign.responseThreshold,
        campaign.tags,
        campaign.createdBy,
        campaign.requireVerifiedEmail,
        campaign.responseDays,
      ],
    );
    return campaignFromRow(row!);
  }

  /** Stores the settings officials change and the status (the counters are kept by adjustCounts). */
  async update(executor: Executor, campaign: CampaignEntity): Promise<CampaignEntity> {
    changedOnCommit(executor, campaign.id);
    const row = await one<CampaignRow>(
      executor,
      `UPDATE campaigns AS c SET title = $2, summary = $3, body = $4, body_html = $5, status = $6, opens_at = $7,
              closes_at = $8, vote_budget = $9, response_threshold = $10, tags = $11, require_verified_email = $12,
              response_days = $13, updated_at = now()
        WHERE c.id = $1 RETURNING ${CAMPAIGN_COLUMNS}`,
      [
        campaign.id,
        campaign.title,
        campaign.summary,
        campaign.body,
        campaign.bodyHtml,
        campaign.status,
        campaign.opensAt,
        campaign.closesAt,
        campaign.voteBudget,
        campaign.responseThreshold,
        campaign.tags,
        campaign.requireVerifiedEmail,
        campaign.responseDays,
      ],
    );
    return campaignFromRow(row!);
  }

  /** Keeps the stored counters in step: visible ideas and distinct participants. */
  async adjustCounts(executor: Executor, id: string, change: { ideas?: number; participants?: number }): Promise<void> {
    changedOnCommit(executor, id);
    await run(
      executor,
      'UPDATE campaigns SET idea_count = idea_count + $2, participant_count = participant_count + $3 WHERE id = $1',
      [id, change.ideas ?? 0, change.participants ?? 0],
    );
  }

  /** Notes that common ground was computed now, from the votes with this fingerprint (null: unchanged). */
  async markCommonGround(executor: Executor, id: string, fingerprint: string | null): Promise<void> {
    changedOnCommit(executor, id);
    await run(
      executor,
      'UPDATE campaigns SET common_ground_votes = coalesce($2, common_ground_votes), common_ground_at = now() WHERE id = $1',
      [id, fingerprint],
    );
  }

  /** Votes left for the person in each campaign with a budget. */
  async votesRemaining(
    executor: Executor,
    userId: string,
    campaignIds: readonly string[],
  ): Promise<Map<string, number>> {
    const found = await rows<{ id: string; remaining: number }>(
      executor,
      `SELECT c.id, c.vote_budget - coalesce(p.votes_used, 0) AS remaining FROM campaigns c
         LEFT JOIN campaign_participants p ON p.campaign_id = c.id AND p.user_id = $1
        WHERE c.id = ANY($2) AND c.vote_budget IS NOT NULL`,
      [userId, campaignIds],
    );
    return new Map(found.map((row) => [row.id, Math.max(0, row.remaining)]));
  }

  /** Gives back to their budgets the votes cast on an idea (it was withdrawn). */
  async releaseVotesOn(executor: Executor, campaignId: string, ideaId: string): Promise<void> {
    await run(
      executor,
      `UPDATE campaign_participants SET votes_used = votes_used - 1
        WHERE campaign_id = $1 AND user_id IN (SELECT user_id FROM votes WHERE idea_id = $2)`,
      [campaignId, ideaId],
    );
  }
}

export const campaignsRepository = new CampaignsRepository();
