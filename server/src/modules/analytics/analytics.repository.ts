import type { IdeaStatus } from '@consulta/shared';
import { LISTED_IDEA } from '../../database/predicates.js';
import { rows, type Executor } from '../../database/sql.js';

export interface TagActivityRow {
  tag: string;
  ideas: number;
  votes: number;
}

export interface StatusCountRow {
  status: IdeaStatus;
  ideas: number;
}

export interface ActivityDayRow {
  date: string;
  ideas: number;
  votes: number;
  comments: number;
  participants: number;
}

/**
 * The agency's figures, read only (the analytics module owns no table). Each statement reads one campaign's
 * rows through indexes that start with it: votes_activity_idx and comments_activity_idx (index-only), the
 * ideas' campaign indexes.
 */
export class AnalyticsRepository {
  /**
   * One row per UTC day from `from` to `to` (dates, inclusive), zeros included. Each contribution is read
   * once from the campaign's own index ranges and grouped by (day, person) in one hash, then by day: the
   * participants are the people of each day, with no sort and no count(DISTINCT).
   */
  days(executor: Executor, campaignId: string, from: string, to: string): Promise<ActivityDayRow[]> {
    const low = "($2::date)::timestamp AT TIME ZONE 'UTC'";
    const high = "($3::date + 1)::timestamp AT TIME ZONE 'UTC'";
    return rows<ActivityDayRow>(
      executor,
      `WITH acts AS (
         SELECT (i.created_at AT TIME ZONE 'UTC')::date AS day, 1 AS kind, i.author_id AS who
           FROM ideas i WHERE i.campaign_id = $1 AND i.created_at >= ${low} AND i.created_at < ${high}
         UNION ALL
         SELECT (v.created_at AT TIME ZONE 'UTC')::date, 2, v.user_id
           FROM votes v WHERE v.campaign_id = $1 AND v.created_at >= ${low} AND v.created_at < ${high}
         UNION ALL
         SELECT (c.created_at AT TIME ZONE 'UTC')::date, 3, c.author_id
           FROM ideas i JOIN comments c ON c.idea_id = i.id
          WHERE i.campaign_id = $1 AND c.created_at >= ${low} AND c.created_at < ${high}
       ), per_person AS (
         SELECT day, who, count(*) FILTER (WHERE kind = 1) AS ideas, count(*) FILTER (WHERE kind = 2) AS votes,
                count(*) FILTER (WHERE kind = 3) AS comments
           FROM acts GROUP BY day, who
       ), counted AS (
         SELECT day, sum(ideas)::int AS ideas, sum(votes)::int AS votes, sum(comments)::int AS comments,
                count(who)::int AS participants
           FROM per_person GROUP BY day
       )
       SELECT to_char(s.day, 'YYYY-MM-DD') AS date, coalesce(c.ideas, 0) AS ideas, coalesce(c.votes, 0) AS votes,
              coalesce(c.comments, 0) AS comments, coalesce(c.participants, 0) AS participants
         FROM generate_series($2::date, $3::date, interval '1 day') AS s (day)
         LEFT JOIN counted c ON c.day = s.day::date ORDER BY s.day`,
      [campaignId, from, to],
    );
  }

  /** Each of the campaign's tags (in its order), with its listed ideas and the votes on them. */
  tags(executor: Executor, campaignId: string): Promise<TagActivityRow[]> {
    return rows<TagActivityRow>(
      executor,
      `SELECT t.tag, count(i.id)::int AS ideas, coalesce(sum(i.upvotes + i.downvotes), 0)::int AS votes
         FROM campaigns c CROSS JOIN LATERAL unnest(c.tags) WITH ORDINALITY AS t (tag, position)
         LEFT JOIN ideas i ON i.campaign_id = c.id AND i.tag = t.tag AND ${LISTED_IDEA('i')}
        WHERE c.id = $1 GROUP BY t.tag, t.position ORDER BY t.position`,
      [campaignId],
    );
  }

  /** Listed ideas per status. */
  statuses(executor: Executor, campaignId: string): Promise<StatusCountRow[]> {
    return rows<StatusCountRow>(
      executor,
      `SELECT i.status, count(*)::int AS ideas FROM ideas i WHERE i.campaign_id = $1 AND ${LISTED_IDEA('i')} GROUP BY i.status`,
      [campaignId],
    );
  }
}

export const analyticsRepository = new AnalyticsRepository();
