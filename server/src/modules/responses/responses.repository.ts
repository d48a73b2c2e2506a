import type { IdeaStatus } from '@consulta/shared';
import { one, type Executor } from '../../database/sql.js';
import type { OfficialResponseRow } from './official-response.object.js';

/** Every write to `official_responses` (owned by the responses module): answers are kept, never changed. */
export class ResponsesRepository {
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
