import type { CampaignStatus, IdeaStatus, Visibility } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';
import {
  CAMPAIGN_COLUMNS_PREFIXED,
  campaignFromPrefixedRow,
  type CampaignEntity,
} from '../campaigns/campaign.entity.js';
import { IDEA_COLUMNS, ideaFromRow, type IdeaEntity, type IdeaRow } from './idea.entity.js';

/**
 * Every statement that writes `ideas` (owned by the ideas module), except the vote write, which updates an
 * idea's counters in the same statement as the vote (votes.repository.ts, listed in the ownership test).
 * Other modules change ideas only through these methods, with their transaction's executor.
 */
export class IdeasRepository {
  async findByIds(executor: Executor, ids: readonly string[]): Promise<IdeaEntity[]> {
    return (await rows<IdeaRow>(executor, `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.id = ANY($1)`, [ids])).map(
      ideaFromRow,
    );
  }

  /** The idea with its campaign, in one statement (every single-idea read needs both to decide visibility). */
  async findWithCampaign(
    executor: Executor,
    id: string,
  ): Promise<{ idea: IdeaEntity; campaign: CampaignEntity } | null> {
    const row = await one<IdeaRow & { [column: `c_${string}`]: unknown }>(
      executor,
      `SELECT ${IDEA_COLUMNS}, ${CAMPAIGN_COLUMNS_PREFIXED} FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = $1`,
      [id],
    );
    return row ? { idea: ideaFromRow(row), campaign: campaignFromPrefixedRow(row) } : null;
  }

  /** The idea's row, locked for the rest of the transaction, with its campaign's stored status. */
  async lockWithCampaignStatus(
    executor: Executor,
    id: string,
  ): Promise<{ idea: IdeaEntity; campaignStatus: CampaignStatus } | null> {
    const row = await one<IdeaRow & { campaign_status: CampaignStatus }>(
      executor,
      `SELECT ${IDEA_COLUMNS}, c.status AS campaign_status
         FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    return row ? { idea: ideaFromRow(row), campaignStatus: row.campaign_status } : null;
  }

  /** The idea's row, locked for the rest of the transaction. */
  async lock(executor: Executor, id: string): Promise<IdeaEntity | null> {
    const row = await one<IdeaRow>(executor, `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.id = $1 FOR UPDATE`, [id]);
    return row ? ideaFromRow(row) : null;
  }

  async insert(
    executor: Executor,
    idea: { campaignId: string; authorId: string; title: string; body: string; bodyHtml: string; tag: string | null },
  ): Promise<IdeaEntity> {
    const row = await one<IdeaRow>(
      executor,
      `INSERT INTO ideas AS i (campaign_id, author_id, title, body, body_html, tag, created_at, updated_at, hot)
       VALUES ($1, $2, $3, $4, $5, $6, now()::timestamptz(3), now()::timestamptz(3), consulta_hot(0, now()::timestamptz(3)))
       RETURNING ${IDEA_COLUMNS}`,
      [idea.campaignId, idea.authorId, idea.title, idea.body, idea.bodyHtml, idea.tag],
    );
    return ideaFromRow(row!);
  }

  async updateText(
    executor: Executor,
    id: string,
    text: { title: string; body: string; bodyHtml: string; tag: string | null },
  ): Promise<IdeaEntity> {
    const row = await one<IdeaRow>(
      executor,
      `UPDATE ideas i SET title = $2, body = $3, body_html = $4, tag = $5, updated_at = now() WHERE id = $1 RETURNING ${IDEA_COLUMNS}`,
      [id, text.title, text.body, text.bodyHtml, text.tag],
    );
    return ideaFromRow(row!);
  }

  /** A new status (an official response, a withdrawal); the first answer also stops the response clock. */
  async setStatus(
    executor: Executor,
    id: string,
    status: IdeaStatus,
    options: { duplicateOf?: string | null; answeredAt?: Date } = {},
  ): Promise<IdeaEntity> {
    const row = await one<IdeaRow>(
      executor,
      `UPDATE ideas i SET status = $2, duplicate_of_id = CASE WHEN $4::timestamptz IS NOT NULL THEN $3::uuid ELSE duplicate_of_id END,
              responded_at = coalesce(responded_at, $4::timestamptz), updated_at = now()
        WHERE id = $1 RETURNING ${IDEA_COLUMNS}`,
      [id, status, options.duplicateOf ?? null, options.answeredAt ?? null],
    );
    return ideaFromRow(row!);
  }

  async setVisibility(
    executor: Executor,
    id: string,
    visibility: Visibility,
    hidden: { reason: string; byFlags: boolean } | null,
  ): Promise<void> {
    await run(executor, 'UPDATE ideas SET visibility = $2, hidden_reason = $3, hidden_by_flags = $4 WHERE id = $1', [
      id,
      visibility,
      hidden?.reason ?? null,
      hidden?.byFlags ?? false,
    ]);
  }

  async adjustCommentCount(executor: Executor, id: string, change: number): Promise<void> {
    await run(executor, 'UPDATE ideas SET comment_count = comment_count + $2 WHERE id = $1', [id, change]);
  }

  /**
   * Ideas of the campaign already at a newly set response threshold are owed an answer from now on; each
   * records ResponseOwed in the same statement.
   */
  async markThresholdReached(executor: Executor, campaignId: string, threshold: number, at: Date): Promise<number> {
    const found = await rows<{ id: string }>(
      executor,
      `WITH reached AS (
         UPDATE ideas SET threshold_reached_at = $3
          WHERE campaign_id = $1 AND threshold_reached_at IS NULL AND score >= $2
          RETURNING id, score
       ), event AS (
         INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
         SELECT 'ResponseOwed', 'idea', id, jsonb_build_object('campaignId', $1::uuid, 'score', score, 'threshold', $2::int)
           FROM reached
       )
       SELECT id FROM reached`,
      [campaignId, threshold, at],
    );
    return found.length;
  }

  /** Stores common-ground scores; ideas of the campaign not given one (no longer listed) keep none. */
  async setCommonGround(executor: Executor, campaignId: string, ideaIds: string[], scores: number[]): Promise<void> {
    await run(
      executor,
      `UPDATE ideas SET common_ground = s.score FROM unnest($2::uuid[], $3::float8[]) AS s(id, score)
        WHERE ideas.id = s.id AND ideas.campaign_id = $1 AND ideas.common_ground IS DISTINCT FROM s.score`,
      [campaignId, ideaIds, scores],
    );
    await run(
      executor,
      'UPDATE ideas SET common_ground = NULL WHERE campaign_id = $1 AND common_ground IS NOT NULL AND NOT (id = ANY($2::uuid[]))',
      [campaignId, ideaIds],
    );
  }

  /** A deleted account's ideas stay, without an author. */
  async detachAuthor(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'UPDATE ideas SET author_id = NULL WHERE author_id = $1', [userId]);
  }
}

export const ideasRepository = new IdeasRepository();
