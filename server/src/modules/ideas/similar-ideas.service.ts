import { LIMITS } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { BadInputError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { pageSize } from '../../common/graphql/connection.js';
import { DatabaseService } from '../../database/database.service.js';
import { LISTED_IDEA } from '../../database/predicates.js';
import { rows as sqlRows } from '../../database/sql.js';
import { IDEA_COLUMNS, ideaFromRow, type IdeaEntity, type IdeaRow } from './idea.entity.js';

/** A row of idea_similar_texts: what similarIdeas compares typed text with (kept by triggers on ideas). */
export interface SimilarTextRow {
  idea_id: string;
  campaign_id: string;
  title: string;
  /** The body's first 300 characters. */
  body: string;
}

/** How alike an idea's words must be to the typed text to be shown as similar (pg_trgm word similarity). */
const SIMILARITY_AT_LEAST = 0.3;

/** Duplicate hints while someone types an idea: the campaign's ideas nearest to the text. */
@Injectable()
export class SimilarIdeasService {
  constructor(private readonly database: DatabaseService) {}

  /** Visible ideas of the campaign whose title or opening text resembles `text` (trigram word similarity). */
  async similar(campaignId: string, text: string, first: number | null | undefined): Promise<IdeaEntity[]> {
    if (text.length > LIMITS.search.similarTextMax)
      throw new BadInputError({ text: fieldMessage('lengthAtMost', { max: LIMITS.search.similarTextMax }) });
    const probe = text.trim().toLowerCase();
    if (probe.length < LIMITS.search.similarTextMin) return [];
    const limit = Math.min(pageSize(first ?? LIMITS.search.similarDefault), LIMITS.search.similarMax);
    // The nearest ideas by word similarity, walked in the campaign's two GiST indexes of idea_similar_texts
    // (titles, bodies' first 300 characters; listed ideas only; migration 1795998000000). An idea's distance
    // is the nearer of its two, and the nearest by it are among the nearest of one walk or the other. Each
    // walk takes a few more than asked for, so ideas as near as each other can be put in a stable order
    // (higher score, then newer id): `ideas` is read for those as near as the last one shown, or nearer.
    // Only those with a word similarity of at least 0.3 count: the distance is 1 - similarity, so they are
    // the first of the walks, and one statement finds them (no transaction to set pg_trgm's threshold for
    // `<%`). The page size is written into the text, so each size is one prepared statement with one plan.
    const walk = (column: 'title' | 'body') =>
      `(SELECT s.idea_id, $2 <<-> s.${column} AS distance FROM idea_similar_texts s
         WHERE s.campaign_id = $1 ORDER BY $2 <<-> s.${column} LIMIT ${limit * 4})`;
    const rows = await sqlRows<IdeaRow>(
      this.database.dataSource,
      `WITH near AS (
         SELECT idea_id, min(distance) AS distance FROM (${walk('title')} UNION ALL ${walk('body')}) w
          GROUP BY idea_id HAVING min(distance) <= 1 - $3::float8)
       SELECT ${IDEA_COLUMNS} FROM near n JOIN ideas i ON i.id = n.idea_id
        WHERE ${LISTED_IDEA('i')}
          AND n.distance <= coalesce((SELECT distance FROM near ORDER BY distance OFFSET ${limit - 1} LIMIT 1), 1)
        ORDER BY n.distance, i.score DESC, i.id DESC LIMIT ${limit}`,
      [campaignId, probe, SIMILARITY_AT_LEAST],
    );
    return rows.map(ideaFromRow);
  }
}
