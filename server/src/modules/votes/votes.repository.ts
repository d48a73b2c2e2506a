import { noteRecorded } from '../../database/after-commit.js';
import type { IdeaStatus, Visibility } from '@consulta/shared';
import { one, rows, type Executor } from '../../database/sql.js';
import type { NewDomainEvent } from '../../events/domain-events.js';
import type { ContributionState } from '../campaigns/campaigns.repository.js';
import { IDEA_COLUMNS, ideaFromRow, type IdeaEntity, type IdeaRow } from '../ideas/idea.entity.js';

/** A row of `votes`: one person's vote on one idea. */
export interface VoteRow {
  user_id: string;
  idea_id: string;
  campaign_id: string;
  value: number;
  created_at: Date;
  updated_at: Date;
}

/** One change to a person's vote on an idea, with what it does to their budget and the idea's counters. */
export interface VoteChange {
  ideaId: string;
  campaignId: string;
  userId: string;
  /** What happens to the vote row. */
  row: 'insert' | 'update' | 'delete';
  value?: number;
  /** Change to the person's votes used in the campaign. */
  budget: -1 | 0 | 1;
  up: number;
  down: number;
  /** Now on the server's clock: when an idea reaching the response threshold starts to be owed an answer. */
  at: Date;
}

/** A new vote or a changed one, as consulta_cast_vote takes it. */
export interface CastChange {
  ideaId: string;
  userId: string;
  value: 1 | -1;
  /** The statuses that take no more votes. */
  decided: readonly IdeaStatus[];
  at: Date;
}

/** A vote taken back, as consulta_retract_vote takes it. */
export interface RetractChange {
  ideaId: string;
  userId: string;
  at: Date;
}

/** What consulta_retract_vote did, and the campaign's state it decided on. */
export interface RetractOutcome {
  /** The idea after the vote was taken back; null when nothing was (refused, gone, or no vote to take). */
  idea: IdeaEntity | null;
  /** Null when the idea is gone. */
  state: ContributionState | null;
}

/** The idea's state and the person's vote on it, as read under the idea's lock. */
export interface LockedIdea {
  status: IdeaStatus;
  visibility: Visibility;
  value: number | null;
}

/** What consulta_cast_vote did, and the facts it decided on. */
export interface CastOutcome {
  /** The vote was written; else it was refused, or was already so, and nothing changed. */
  written: boolean;
  /** This vote made the person a participant of the campaign. */
  joined: boolean;
  /**
   * The campaign's state and the person's standing in it; null when the function stopped before reading
   * them (the idea is gone, or a down vote met a SUPPORT campaign).
   */
  state: ContributionState | null;
  /** Null when the campaign refused first, or the idea is gone. */
  current: LockedIdea | null;
  votesUsed: number | null;
  /** The idea after the vote, when written. */
  idea: IdeaEntity | null;
}

/** The campaign's state as the vote functions answer it (campaign_status null: not read). */
interface StateRow {
  accepting: boolean;
  suspendedUntil: Date | null;
  unverified: boolean;
  campaign_status: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  now: Date;
}

const STATE_COLUMNS = `r.accepting, r.suspended_until AS "suspendedUntil", r.unverified, r.campaign_status,
  r.opens_at AS "opensAt", r.closes_at AS "closesAt", r.db_now AS now`;

function stateOf(row: StateRow): ContributionState | null {
  const { accepting, suspendedUntil, unverified, campaign_status: status, opensAt, closesAt, now } = row;
  return status === null ? null : { accepting, suspendedUntil, unverified, status, opensAt, closesAt, now };
}

/** A row of consulta_cast_vote with the idea's columns beside (all null when nothing was written). */
type CastRow = IdeaRow &
  StateRow & {
    written: boolean;
    joined: boolean;
    idea_status: IdeaStatus | null;
    idea_visibility: Visibility | null;
    previous: number | null;
    used: number | null;
  };

/** The live-update event of a vote (the statement that wrote it also recorded it in the outbox). */
export const ideaVoted = (idea: IdeaEntity): NewDomainEvent => ({
  type: 'IdeaVoted',
  aggregateId: idea.id,
  payload: { campaignId: idea.campaignId, upvotes: idea.upvotes, downvotes: idea.downvotes, score: idea.score },
});

/**
 * Every statement that writes `votes` (owned by the votes module). The vote write is the one statement
 * that also writes tables of other modules (ideas' counters, campaign_participants' votes used, the outbox),
 * listed by name in the ownership test: one round trip on the hottest path.
 */
export class VotesRepository {
  /**
   * A vote cast as one statement that is its own transaction (migrations 1795999000000 and 1796000000000):
   * it finds the idea's campaign, locks the participant row, then the idea, writes as apply does when every
   * rule lets it, and answers the facts.
   */
  async cast(executor: Executor, change: CastChange): Promise<CastOutcome> {
    const row = (await one<CastRow>(
      executor,
      `SELECT r.written, r.joined, ${STATE_COLUMNS}, r.idea_status, r.idea_visibility, r.previous, r.votes_used AS used, ${IDEA_COLUMNS}
         FROM consulta_cast_vote($1, $2, $3, $4, $5) r CROSS JOIN LATERAL (SELECT (r.idea).*) i`,
      [change.ideaId, change.userId, change.value, change.decided, change.at],
    ))!;
    return {
      written: row.written,
      joined: row.joined,
      state: stateOf(row),
      current:
        row.idea_status && row.idea_visibility
          ? { status: row.idea_status, visibility: row.idea_visibility, value: row.previous }
          : null,
      votesUsed: row.used,
      idea: row.written ? ideaFromRow(row) : null,
    };
  }

  /**
   * A vote taken back as one statement that is its own transaction (migration 1796001000000): the same
   * locks, in the same order, and the same write as a retraction through apply.
   */
  async retract(executor: Executor, change: RetractChange): Promise<RetractOutcome> {
    const row = (await one<StateRow & IdeaRow & { written: boolean }>(
      executor,
      `SELECT r.written, ${STATE_COLUMNS}, ${IDEA_COLUMNS}
         FROM consulta_retract_vote($1, $2, $3) r CROSS JOIN LATERAL (SELECT (r.idea).*) i`,
      [change.ideaId, change.userId, change.at],
    ))!;
    return { idea: row.written ? ideaFromRow(row) : null, state: stateOf(row) };
  }

  /** Locks the idea (after the participant row) and reads its state and the person's current vote on it. */
  async lockIdea(executor: Executor, ideaId: string, userId: string): Promise<LockedIdea> {
    const row = await one<LockedIdea>(
      executor,
      `SELECT i.status, i.visibility, v.value FROM ideas i
         LEFT JOIN votes v ON v.idea_id = i.id AND v.user_id = $2
        WHERE i.id = $1 FOR UPDATE OF i`,
      [ideaId, userId],
    );
    return { status: row!.status, visibility: row!.visibility, value: row!.value ?? null };
  }

  /** Who voted on the idea, in id order (the order their participant rows are locked in). */
  async votersOf(executor: Executor, ideaId: string): Promise<string[]> {
    const found = await rows<Pick<VoteRow, 'user_id'>>(
      executor,
      'SELECT user_id FROM votes WHERE idea_id = $1 ORDER BY user_id',
      [ideaId],
    );
    return found.map((row) => row.user_id);
  }

  /** Whether the idea's voters are still exactly these (in id order). */
  async votersAre(executor: Executor, ideaId: string, voters: string[]): Promise<boolean> {
    const row = await one<{ same: boolean }>(
      executor,
      'SELECT array(SELECT user_id FROM votes WHERE idea_id = $1 ORDER BY user_id) = $2::uuid[] AS same',
      [ideaId, voters],
    );
    return row!.same;
  }

  /** The person's vote on each of the ideas. */
  async valuesOf(executor: Executor, userId: string, ideaIds: readonly string[]): Promise<Map<string, number>> {
    const found = await rows<Pick<VoteRow, 'idea_id' | 'value'>>(
      executor,
      'SELECT idea_id, value FROM votes WHERE user_id = $1 AND idea_id = ANY($2)',
      [userId, ideaIds],
    );
    return new Map(found.map((row) => [row.idea_id, row.value]));
  }

  /**
   * Writes the vote row, the person's votes used, the idea's counters and stored sort keys, and the domain
   * events (IdeaVoted with the counts after the vote; ResponseOwed when the idea first reaches the campaign's
   * response threshold) in one statement (so one round trip) inside the caller's transaction, which already
   * holds the participant and idea locks. The readable form of what consulta_cast_vote and
   * consulta_retract_vote write: `server/test/campaigns/cast-vote-function.e2e.test.ts` compares them with it.
   */
  async apply(executor: Executor, change: VoteChange): Promise<IdeaEntity> {
    const params: unknown[] = [change.ideaId, change.up, change.down, change.userId, change.campaignId, change.at];
    const param = (value: unknown) => `$${params.push(value)}`;
    const vote = {
      insert: () =>
        `INSERT INTO votes (user_id, idea_id, campaign_id, value) VALUES ($4, $1, $5, ${param(change.value)})`,
      update: () =>
        `UPDATE votes SET value = ${param(change.value)}, updated_at = now() WHERE user_id = $4 AND idea_id = $1`,
      delete: () => 'DELETE FROM votes WHERE user_id = $4 AND idea_id = $1',
    }[change.row]();
    const budget =
      change.budget === 0
        ? ''
        : `, budget AS (UPDATE campaign_participants SET votes_used = votes_used + ${param(change.budget)}::int
                       WHERE campaign_id = $5 AND user_id = $4)`;
    const row = await one<IdeaRow>(
      executor,
      `WITH vote AS (${vote})${budget},
     idea AS (
       UPDATE ideas i SET upvotes = i.upvotes + $2, downvotes = i.downvotes + $3, score = i.score + $2 - $3,
          hot = consulta_hot(i.score + $2 - $3, i.created_at), wilson = consulta_wilson(i.upvotes + $2, i.downvotes + $3),
          threshold_reached_at = CASE
            WHEN i.threshold_reached_at IS NULL AND c.response_threshold IS NOT NULL AND i.score + $2 - $3 >= c.response_threshold
            THEN $6::timestamptz(3) ELSE i.threshold_reached_at END
         FROM campaigns c
        WHERE i.id = $1 AND c.id = i.campaign_id AND c.id = $5
        RETURNING ${IDEA_COLUMNS}, c.response_threshold
     ),
     event AS (
       INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
       SELECT 'IdeaVoted', 'idea', id,
              jsonb_build_object('campaignId', campaign_id, 'upvotes', upvotes, 'downvotes', downvotes, 'score', score)
         FROM idea
       UNION ALL
       SELECT 'ResponseOwed', 'idea', id,
              jsonb_build_object('campaignId', campaign_id, 'score', score, 'threshold', response_threshold)
         FROM idea WHERE threshold_reached_at = $6::timestamptz(3)
     )
     SELECT * FROM idea`,
      params,
    );
    const idea = ideaFromRow(row!);
    // Recorded by the statement above; noted for this process's live updates once the transaction commits.
    noteRecorded(executor, [ideaVoted(idea)]);
    return idea;
  }
}

export const votesRepository = new VotesRepository();
