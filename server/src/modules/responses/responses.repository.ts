import type { IdeaStatus } from '@consulta/shared';
import { LISTED_IDEA } from '../../database/predicates.js';
import { one, rows, type Executor } from '../../database/sql.js';
import type { OfficialResponseRow } from './official-response.object.js';

export interface ResponseStats {
  owed: number;
  answered: number;
  awaiting: number;
  /** Answered within the campaign's responseDays (every answer, when it made no commitment). */
  answeredInTime: number;
  answeredLate: number;
  /** Awaiting an answer past its due time. */
  overdue: number;
  medianDaysToAnswer: number | null;
}

interface StatsRow {
  owed: number;
  answered: number;
  awaiting: number;
  answered_in_time: number;
  answered_late: number;
  overdue: number;
  median_days: number | null;
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

  /**
   * Counts for accountability over the campaign's listed ideas that reached the threshold, on the response
   * clock: `days` the campaign's responseDays (null: no commitment, nothing is late), `now` the server's time.
   */
  async stats(
    executor: Executor,
    campaign: { id: string; threshold: number | null; days: number | null },
    now: Date,
  ): Promise<ResponseStats> {
    const due = 'i.threshold_reached_at + make_interval(days => $3::int)';
    const row = await one<StatsRow>(
      executor,
      `SELECT count(*) FILTER (WHERE i.responded_at IS NOT NULL OR i.score >= $2)::int AS owed,
              count(*) FILTER (WHERE i.responded_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE i.responded_at IS NULL AND i.score >= $2)::int AS awaiting,
              count(*) FILTER (WHERE i.responded_at IS NOT NULL AND ($3::int IS NULL OR i.responded_at <= ${due}))::int
                AS answered_in_time,
              count(*) FILTER (WHERE i.responded_at > ${due})::int AS answered_late,
              count(*) FILTER (WHERE i.responded_at IS NULL AND i.score >= $2 AND ${due} < $4::timestamptz)::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.responded_at - i.threshold_reached_at) / 86400)
                FILTER (WHERE i.responded_at IS NOT NULL) AS median_days
         FROM ideas i
        WHERE i.campaign_id = $1 AND i.threshold_reached_at IS NOT NULL AND ${LISTED_IDEA('i')}`,
      [campaign.id, campaign.threshold ?? 2147483647, campaign.days, now],
    );
    return {
      owed: row!.owed,
      answered: row!.answered,
      awaiting: row!.awaiting,
      answeredInTime: row!.answered_in_time,
      answeredLate: row!.answered_late,
      overdue: row!.overdue,
      medianDaysToAnswer: row!.median_days,
    };
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
