import type { IdeaStatus, Visibility } from '@consulta/shared';
import { rows, type Executor } from '../../database/sql.js';

export interface ExportedIdeaRow {
  id: string;
  title: string;
  status: IdeaStatus;
  tag: string | null;
  visibility: Visibility;
  hidden_reason: string | null;
  author_name: string | null;
  upvotes: number;
  downvotes: number;
  score: number;
  comment_count: number;
  created_at: Date;
  threshold_reached_at: Date | null;
  responded_at: Date | null;
  answer_status: IdeaStatus | null;
  answer_body: string | null;
  answer_author: string | null;
  answer_at: Date | null;
}

export interface ExportedAnswerRow {
  id: string;
  idea_id: string;
  idea_title: string;
  created_at: Date;
  author_name: string | null;
  previous_status: IdeaStatus;
  status: IdeaStatus;
  body: string;
}

/** The agency's exports, read in keyset pages (oldest first) so a file is streamed, never held whole. */
export class ExportsRepository {
  /** Every idea of the campaign, hidden and withdrawn ones too, with its latest answer. */
  ideas(executor: Executor, campaignId: string, after: [Date, string] | null, limit: number) {
    return rows<ExportedIdeaRow>(
      executor,
      `SELECT i.id, i.title, i.status, i.tag, i.visibility, i.hidden_reason, u.display_name AS author_name,
              i.upvotes, i.downvotes, i.score, i.comment_count, i.created_at, i.threshold_reached_at, i.responded_at,
              r.status AS answer_status, r.body AS answer_body, r.author_name AS answer_author, r.created_at AS answer_at
         FROM ideas i
         LEFT JOIN users u ON u.id = i.author_id
         LEFT JOIN LATERAL (
           SELECT r.status, r.body, r.created_at, ru.display_name AS author_name
             FROM official_responses r LEFT JOIN users ru ON ru.id = r.author_id
            WHERE r.idea_id = i.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1
         ) r ON true
        WHERE i.campaign_id = $1 AND ($2::timestamptz IS NULL OR (i.created_at, i.id) > ($2::timestamptz, $3::uuid))
        ORDER BY i.created_at, i.id LIMIT $4`,
      [campaignId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** Every official answer in the campaign, oldest first: the history of its ideas' statuses. */
  answers(executor: Executor, campaignId: string, after: [Date, string] | null, limit: number) {
    return rows<ExportedAnswerRow>(
      executor,
      `SELECT r.id, r.idea_id, i.title AS idea_title, r.created_at, u.display_name AS author_name,
              r.previous_status, r.status, r.body
         FROM official_responses r JOIN ideas i ON i.id = r.idea_id LEFT JOIN users u ON u.id = r.author_id
        WHERE i.campaign_id = $1 AND ($2::timestamptz IS NULL OR (r.created_at, r.id) > ($2::timestamptz, $3::uuid))
        ORDER BY r.created_at, r.id LIMIT $4`,
      [campaignId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }
}

export const exportsRepository = new ExportsRepository();
