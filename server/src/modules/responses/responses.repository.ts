import type { IdeaStatus } from '@consulta/shared';
import { LISTED_IDEA } from '../../database/predicates.js';
import { one, rows, type Executor } from '../../database/sql.js';
import type { OfficialResponseRow } from './official-response.object.js';

export interface ResponseStats {
  owed: number;
  answered: number;
  awaiting: number;
  medianDaysToAnswer: number | null;
}

/** Every write to `official_responses` (owned by the responses module): answers are kept, never changed. */
export class ResponsesRepository {
  /** Each idea's responses, oldest first (the history, newest last). */
  listForIdeas(executor: Executor, ideaIds: readonly string[]): Promise<OfficialResponseRow[]> {
    return rows<OfficialResponseRow>(
      executor,
      'SELECT * FROM official_responses WHERE idea_id = ANY($1) ORDER BY created_at, id',
      [ideaIds],
    );
  }

  async find(executor: Executor, id: string): Promise<OfficialResponseRow | null> {
    return (await one<OfficialResponseRow>(executor, 'SELECT * FROM official_responses WHERE id = $1', [id])) ?? null;
  }

  /** Counts for accountability over the campaign's listed ideas that reached the threshold. */
  async stats(executor: Executor, campaignId: string, threshold: number | null): Promise<ResponseStats> {
    const row = await one<{ owed: number; answered: number; awaiting: number; median_days: number | null }>(
      executor,
      `SELECT count(*) FILTER (WHERE i.responded_at IS NOT NULL OR i.score >= $2)::int AS owed,
              count(*) FILTER (WHERE i.responded_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE i.responded_at IS NULL AND i.score >= $2)::int AS awaiting,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.responded_at - i.threshold_reached_at) / 86400)
                FILTER (WHERE i.responded_at IS NOT NULL) AS median_days
         FROM ideas i
        WHERE i.campaign_id = $1 AND i.threshold_reached_at IS NOT NULL AND ${LISTED_IDEA('i')}`,
      [campaignId, threshold ?? 2147483647],
    );
    return { owed: row!.owed, answered: row!.answered, awaiting: row!.awaiting, medianDaysToAnswer: row!.median_days };
  }

  async insert(
    executor: Executor,
    response: {
      ideaId: string;
      agencyId: string;
      authorId: string;
      body: string;
      bodyHtml: string;
      status: IdeaStatus;
      duplicateOf: string | null;
      previousStatus: IdeaStatus;
    },
  ): Promise<OfficialResponseRow> {
    const row = await one<OfficialResponseRow>(
      executor,
      `INSERT INTO official_responses (idea_id, agency_id, author_id, body, body_html, status, duplicate_of_id, previous_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        response.ideaId,
        response.agencyId,
        response.authorId,
        response.body,
        response.bodyHtml,
        response.status,
        response.duplicateOf,
        response.previousStatus,
      ],
    );
    return row!;
  }
}

export const responsesRepository = new ResponsesRepository();
