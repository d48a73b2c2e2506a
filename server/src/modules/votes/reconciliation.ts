import { LISTED_COMMENT, LISTED_IDEA } from '../../database/predicates.js';
import { rows, type Executor } from '../../database/sql.js';

export interface Drift {
  kind: string;
  id: string;
  detail: Record<string, unknown>;
}

/**
 * Recomputes every stored counter and sort key from the rows they count and lists each disagreement.
 * An empty list means no drift. Used by the tests after concurrency runs and by the benchmark.
 */
export async function findDrift(executor: Executor): Promise<Drift[]> {
  const checks: Array<[string, string]> = [
    [
      'idea counters',
      `SELECT i.id, json_build_object('upvotes', i.upvotes, 'downvotes', i.downvotes, 'score', i.score,
              'counted_up', coalesce(v.up, 0), 'counted_down', coalesce(v.down, 0)) AS detail
         FROM ideas i
         LEFT JOIN (SELECT idea_id, count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down
                      FROM votes GROUP BY idea_id) v ON v.idea_id = i.id
        WHERE i.upvotes <> coalesce(v.up, 0) OR i.downvotes <> coalesce(v.down, 0)
           OR i.score <> coalesce(v.up, 0) - coalesce(v.down, 0)
           OR abs(i.wilson - consulta_wilson(coalesce(v.up, 0)::int, coalesce(v.down, 0)::int)) > 1e-9
           OR abs(i.hot - consulta_hot(i.score, i.created_at)) > 1e-9`,
    ],
    [
      'votes used',
      `SELECT p.campaign_id || ':' || p.user_id AS id, json_build_object('stored', p.votes_used, 'counted', coalesce(u.n, 0)) AS detail
         FROM campaign_participants p
         LEFT JOIN (SELECT v.campaign_id, v.user_id, count(*) AS n FROM votes v JOIN ideas i ON i.id = v.idea_id
                     WHERE i.status <> 'WITHDRAWN' GROUP BY 1, 2) u USING (campaign_id, user_id)
        WHERE p.votes_used <> coalesce(u.n, 0)`,
    ],
    [
      'voter not a participant',
      `SELECT v.campaign_id || ':' || v.user_id AS id, '{}'::json AS detail FROM votes v
         LEFT JOIN campaign_participants p USING (campaign_id, user_id) WHERE p.user_id IS NULL`,
    ],
    [
      'author not a participant',
      `SELECT i.id::text AS id, '{}'::json AS detail FROM ideas i
         LEFT JOIN campaign_participants p ON p.campaign_id = i.campaign_id AND p.user_id = i.author_id
        WHERE i.author_id IS NOT NULL AND p.user_id IS NULL`,
    ],
    [
      'vote budget exceeded',
      `SELECT p.campaign_id || ':' || p.user_id AS id, json_build_object('used', p.votes_used, 'budget', c.vote_budget) AS detail
         FROM campaign_participants p JOIN campaigns c ON c.id = p.campaign_id
        WHERE c.vote_budget IS NOT NULL AND p.votes_used > c.vote_budget`,
    ],
    [
      'campaign counters',
      `SELECT c.id::text AS id, json_build_object('ideas', c.idea_count, 'participants', c.participant_count) AS detail
         FROM campaigns c
        WHERE c.idea_count <> (SELECT count(*) FROM ideas i
                                WHERE i.campaign_id = c.id AND ${LISTED_IDEA('i')})
           OR c.participant_count <> (SELECT count(*) FROM campaign_participants p WHERE p.campaign_id = c.id)`,
    ],
    [
      'comment counters',
      `SELECT i.id::text AS id, json_build_object('stored', i.comment_count, 'counted', coalesce(k.n, 0)) AS detail
         FROM ideas i
         LEFT JOIN (SELECT k.idea_id, count(*) AS n FROM comments k WHERE ${LISTED_COMMENT('k')}
                     GROUP BY k.idea_id) k ON k.idea_id = i.id
        WHERE i.comment_count <> coalesce(k.n, 0)`,
    ],
    [
      'auto-hidden without enough flags',
      `SELECT t.id::text AS id, '{}'::json AS detail
         FROM (SELECT id FROM ideas WHERE hidden_by_flags UNION ALL SELECT id FROM comments WHERE hidden_by_flags) t
        WHERE NOT EXISTS (SELECT 1 FROM flags f WHERE f.target_id = t.id AND f.status = 'OPEN')`,
    ],
  ];
  const drift: Drift[] = [];
  for (const [kind, sql] of checks) {
    for (const row of await rows<Omit<Drift, 'kind'>>(executor, sql)) drift.push({ kind, ...row });
  }
  return drift;
}
