import type { IdeaStatus } from '@consulta/shared';
import { LISTED_COMMENT, LISTED_IDEA, PUBLIC_CAMPAIGN } from '../../database/predicates.js';
import type { After } from '../../database/keyset-pages.js';
import { one, rows, type Executor } from '../../database/sql.js';

/** Public campaigns: anything but a draft. */

/**
 * The page's start: after (created_at, id) when there is one, written as a row comparison the index can
 * seek to; `true` on the first page (an `IS NULL OR` would hide the seek from the planner).
 */
const keyset = (alias: string, first: number, after: After) =>
  after
    ? `(${alias}.created_at, ${alias}.id) > ($${first}::timestamptz, $${first + 1}::uuid)`
    : `($${first}::timestamptz IS NULL AND $${first + 1}::uuid IS NULL)`;

export interface OpenCampaignRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  agency_name: string;
  status: string;
  voting_mode: string;
  opens_at: Date | null;
  closes_at: Date | null;
  response_threshold: number | null;
  response_days: number | null;
  idea_count: number;
  participant_count: number;
  created_at: Date;
}

export interface OpenIdeaRow {
  id: string;
  campaign_id: string;
  title: string;
  body: string;
  tag: string | null;
  status: IdeaStatus;
  author_id: string | null;
  author_name: string | null;
  upvotes: number;
  downvotes: number;
  score: number;
  comment_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface OpenResponseRow {
  id: string;
  idea_id: string;
  agency_name: string;
  author_name: string | null;
  previous_status: IdeaStatus;
  status: IdeaStatus;
  body: string;
  created_at: Date;
}

export interface OpenCommentRow {
  id: string;
  idea_id: string;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
}

export interface OpenVoteDayRow {
  idea_id: string;
  date: string;
  up: number;
  down: number;
}

/** An entry of a feed: an idea or an official answer, newest first. */
export interface FeedEntryRow {
  kind: 'idea' | 'response';
  id: string;
  idea_id: string;
  title: string;
  body_html: string;
  author_name: string | null;
  agency_name: string | null;
  status: IdeaStatus;
  at: Date;
}

/** A consultation, for the site's feed of new ones. */
export interface FeedCampaignRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  agency_name: string;
  created_at: Date;
}

/**
 * The open data, read only (the module owns no table): what the public can see and nothing more, in keyset
 * pages oldest first; `campaign` (an id) narrows every resource to one campaign.
 */
export class OpenDataRepository {
  /**
   * Changes whenever anything published changes: the newest event (votes, answers, comments, moderation)
   * and the newest change of campaigns, ideas, comments and authors, each a one-row index read.
   */
  async version(executor: Executor): Promise<{ tag: string; modified: Date }> {
    const row = await one<{ tag: string; modified: Date | null }>(
      executor,
      `WITH v AS (
         SELECT (SELECT max(id) FROM domain_events) AS events, (SELECT max(occurred_at) FROM domain_events) AS occurred,
                (SELECT max(updated_at) FROM campaigns) AS campaigns, (SELECT max(updated_at) FROM ideas) AS ideas,
                (SELECT max(greatest(created_at, edited_at, deleted_at)) FROM comments) AS comments,
                (SELECT max(greatest(updated_at, deleted_at)) FROM users) AS users
       )
       SELECT concat_ws('.', events, extract(epoch FROM campaigns), extract(epoch FROM ideas), extract(epoch FROM comments),
                        extract(epoch FROM users)) AS tag,
              greatest(occurred, campaigns, ideas, comments, users) AS modified
         FROM v`,
    );
    return { tag: row!.tag, modified: row!.modified ?? new Date(0) };
  }

  campaigns(executor: Executor, campaign: string | null, after: After, limit: number) {
    return rows<OpenCampaignRow>(
      executor,
      `SELECT c.id, c.slug, c.title, c.summary, a.name AS agency_name,
              CASE WHEN c.status = 'OPEN' AND c.closes_at <= now() THEN 'CLOSED' ELSE c.status END AS status,
              c.voting_mode, c.opens_at, c.closes_at, c.response_threshold, c.response_days, c.idea_count,
              c.participant_count, c.created_at
         FROM campaigns c JOIN agencies a ON a.id = c.agency_id
        WHERE ${PUBLIC_CAMPAIGN('c')} AND ($1::uuid IS NULL OR c.id = $1) AND ${keyset('c', 2, after)}
        ORDER BY c.created_at, c.id LIMIT $4`,
      [campaign, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  ideas(executor: Executor, campaign: string | null, after: After, limit: number) {
    return rows<OpenIdeaRow>(
      executor,
      `SELECT i.id, i.campaign_id, i.title, i.body, i.tag, i.status, i.author_id, u.display_name AS author_name,
              i.upvotes, i.downvotes, i.score, i.comment_count, i.created_at, i.updated_at
         FROM ideas i JOIN campaigns c ON c.id = i.campaign_id LEFT JOIN users u ON u.id = i.author_id
        WHERE ${PUBLIC_CAMPAIGN('c')} AND ${LISTED_IDEA('i')} AND ($1::uuid IS NULL OR i.campaign_id = $1)
          AND ${keyset('i', 2, after)}
        ORDER BY i.created_at, i.id LIMIT $4`,
      [campaign, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  responses(executor: Executor, campaign: string | null, after: After, limit: number) {
    return rows<OpenResponseRow>(
      executor,
      `SELECT r.id, r.idea_id, a.name AS agency_name, u.display_name AS author_name, r.previous_status, r.status,
              r.body, r.created_at
         FROM official_responses r JOIN ideas i ON i.id = r.idea_id JOIN campaigns c ON c.id = i.campaign_id
         JOIN agencies a ON a.id = r.agency_id LEFT JOIN users u ON u.id = r.author_id
        WHERE ${PUBLIC_CAMPAIGN('c')} AND ${LISTED_IDEA('i')} AND ($1::uuid IS NULL OR i.campaign_id = $1)
          AND ${keyset('r', 2, after)}
        ORDER BY r.created_at, r.id LIMIT $4`,
      [campaign, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  comments(executor: Executor, campaign: string | null, after: After, limit: number) {
    return rows<OpenCommentRow>(
      executor,
      `SELECT m.id, m.idea_id, m.parent_id, m.author_id, u.display_name AS author_name, m.body, m.created_at, m.edited_at
         FROM comments m JOIN ideas i ON i.id = m.idea_id JOIN campaigns c ON c.id = i.campaign_id
         LEFT JOIN users u ON u.id = m.author_id
        WHERE ${PUBLIC_CAMPAIGN('c')} AND ${LISTED_IDEA('i')} AND ${LISTED_COMMENT('m')}
          AND ($1::uuid IS NULL OR i.campaign_id = $1) AND ${keyset('m', 2, after)}
        ORDER BY m.created_at, m.id LIMIT $4`,
      [campaign, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** A page of the listed ideas' ids, for the votes table. */
  ideaIds(executor: Executor, campaign: string | null, after: After, limit: number) {
    return rows<{ id: string; created_at: Date }>(
      executor,
      `SELECT i.id, i.created_at FROM ideas i JOIN campaigns c ON c.id = i.campaign_id
        WHERE ${PUBLIC_CAMPAIGN('c')} AND ${LISTED_IDEA('i')} AND ($1::uuid IS NULL OR i.campaign_id = $1)
          AND ${keyset('i', 2, after)}
        ORDER BY i.created_at, i.id LIMIT $4`,
      [campaign, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** Votes per idea and UTC day for a page of ideas (never one row per person). */
  votesPerDay(executor: Executor, ideaIds: string[]) {
    return rows<OpenVoteDayRow>(
      executor,
      `SELECT v.idea_id, to_char((v.created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS date,
              count(*) FILTER (WHERE v.value = 1)::int AS up, count(*) FILTER (WHERE v.value = -1)::int AS down
         FROM votes v WHERE v.idea_id = ANY($1::uuid[])
        GROUP BY v.idea_id, 2 ORDER BY v.idea_id, 2`,
      [ideaIds],
    );
  }

  /** The newest public consultations (opened ones: drafts are never published). */
  newestCampaigns(executor: Executor, limit: number) {
    return rows<FeedCampaignRow>(
      executor,
      `SELECT c.id, c.slug, c.title, c.summary, a.name AS agency_name, c.created_at
         FROM campaigns c JOIN agencies a ON a.id = c.agency_id
        WHERE ${PUBLIC_CAMPAIGN('c')} ORDER BY c.created_at DESC, c.id DESC LIMIT $1`,
      [limit],
    );
  }

  /** A campaign's newest listed ideas and official answers, merged newest first. */
  newestEntries(executor: Executor, campaignId: string, limit: number) {
    return rows<FeedEntryRow>(
      executor,
      `(SELECT 'idea' AS kind, i.id, i.id AS idea_id, i.title, i.body_html, u.display_name AS author_name,
               NULL AS agency_name, i.status, i.created_at AS at
          FROM ideas i LEFT JOIN users u ON u.id = i.author_id
         WHERE i.campaign_id = $1 AND ${LISTED_IDEA('i')} ORDER BY i.created_at DESC, i.id DESC LIMIT $2)
       UNION ALL
       (SELECT 'response', r.id, i.id, i.title, r.body_html, u.display_name, a.name, r.status, r.created_at
          FROM official_responses r JOIN ideas i ON i.id = r.idea_id JOIN agencies a ON a.id = r.agency_id
          LEFT JOIN users u ON u.id = r.author_id
         WHERE i.campaign_id = $1 AND ${LISTED_IDEA('i')} ORDER BY r.created_at DESC, r.id DESC LIMIT $2)
       ORDER BY at DESC, id DESC LIMIT $2`,
      [campaignId, limit],
    );
  }
}

export const openDataRepository = new OpenDataRepository();
