import { IdeaStatus, Visibility, VotingMode } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requirePerson, type PersonViewer } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { returning } from '../../database/returning.js';
import { DatabaseService } from '../../database/database.service.js';
import { ACCEPTING_SQL } from '../campaigns/campaign.entity.js';
import { lockParticipation, refuseIfSuspended, SUSPENDED_SQL } from '../campaigns/participation.js';
import { IDEA_COLUMNS, ideaFromRow, type IdeaEntity } from '../ideas/idea.entity.js';
import { IdeaQueriesService } from '../ideas/idea-queries.service.js';
import { IdeasService } from '../ideas/ideas.service.js';

interface Target {
  idea: IdeaEntity;
  votingMode: VotingMode;
  voteBudget: number | null;
}

/** One change to a person's vote on an idea, with what it does to their budget and the idea's counters. */
interface VoteChange {
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
}

/**
 * Writes the vote row, the person's votes used, and the idea's counters and stored sort keys in one
 * statement (so one round trip) inside the caller's transaction, which already holds the participant and
 * idea locks. Notes when the idea first reaches the campaign's response threshold (the agency then owes it
 * an answer).
 */
async function applyVote(manager: EntityManager, change: VoteChange): Promise<IdeaEntity> {
  const params: unknown[] = [change.ideaId, change.up, change.down, change.userId, change.campaignId];
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
  const [row] = await returning(
    manager,
    `WITH vote AS (${vote})${budget}
     UPDATE ideas i SET upvotes = i.upvotes + $2, downvotes = i.downvotes + $3, score = i.score + $2 - $3,
        hot = consulta_hot(i.score + $2 - $3, i.created_at), wilson = consulta_wilson(i.upvotes + $2, i.downvotes + $3),
        threshold_reached_at = CASE
          WHEN i.threshold_reached_at IS NULL AND c.response_threshold IS NOT NULL AND i.score + $2 - $3 >= c.response_threshold
          THEN now() ELSE i.threshold_reached_at END
       FROM campaigns c
      WHERE i.id = $1 AND c.id = i.campaign_id AND c.id = $5
      RETURNING ${IDEA_COLUMNS}`,
    params,
  );
  return ideaFromRow(row);
}

const delta = (value: number | null) => ({ up: value === 1 ? 1 : 0, down: value === -1 ? 1 : 0 });

/**
 * Votes. Every change runs in one transaction that locks, in this order, the voter's participant row
 * (their budget), then the idea, and only then writes the vote row and the counters beside it. No
 * check-then-insert: the checks read rows this transaction has locked. Deadlocks and serialization
 * failures are retried a bounded number of times by DatabaseService.transaction.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ideas: IdeasService,
    private readonly queries: IdeaQueriesService,
  ) {}

  /**
   * The idea as the viewer may see it, with the campaign's voting rules. Read before the transaction
   * (a transaction must never wait for a second pooled connection); the state rules are checked inside.
   */
  private async target(viewer: PersonViewer, ideaId: string | null): Promise<Target> {
    const visible = await this.ideas.findVisible(viewer, ideaId);
    if (!visible) throw new NotFoundError('idea');
    return { idea: visible.idea, votingMode: visible.campaign.votingMode, voteBudget: visible.campaign.voteBudget };
  }

  /** Inside the transaction: CONFLICT when the person is suspended or the campaign takes no votes now. */
  private async assertCanVote(manager: EntityManager, viewer: PersonViewer, campaignId: string): Promise<void> {
    const [state] = await manager.query(
      `SELECT ${ACCEPTING_SQL('c')} AS accepting, ${SUSPENDED_SQL('$2')} AS suspended FROM campaigns c WHERE c.id = $1`,
      [campaignId, viewer.userId],
    );
    refuseIfSuspended(state.suspended);
    if (!state.accepting) throw new ConflictError('This campaign is not taking votes now.');
  }

  /** Locks the idea (after the participant row) and reads the viewer's current vote on it. */
  private async lockIdea(manager: EntityManager, ideaId: string, userId: string) {
    const [row] = await manager.query(
      `SELECT i.status, i.visibility, v.value FROM ideas i
         LEFT JOIN votes v ON v.idea_id = i.id AND v.user_id = $2
        WHERE i.id = $1 FOR UPDATE OF i`,
      [ideaId, userId],
    );
    return {
      status: row.status as IdeaStatus,
      visibility: row.visibility as Visibility,
      value: (row.value ?? null) as number | null,
    };
  }

  async castVote(viewer: RequestViewer, ideaId: string | null, value: number): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    if (value !== 1 && value !== -1) throw new BadInputError({ value: fieldMessage('voteValue') });
    const { idea, votingMode, voteBudget } = await this.target(person, ideaId);
    if (value === -1 && votingMode === VotingMode.SUPPORT) {
      throw new BadInputError({ value: fieldMessage('supportOnly') });
    }
    return this.database.transaction(async (manager) => {
      await this.assertCanVote(manager, person, idea.campaignId);
      const participation = await lockParticipation(manager, idea.campaignId, person.userId);
      const current = await this.lockIdea(manager, idea.id, person.userId);
      if (current.status === IdeaStatus.WITHDRAWN) throw new ConflictError('This idea was withdrawn.');
      if (current.visibility === Visibility.HIDDEN) throw new ConflictError('This idea is hidden pending review.');
      if (current.value === value) return idea;

      if (current.value === null && voteBudget !== null && participation.votesUsed >= voteBudget) {
        throw new ConflictError(`You have used all ${voteBudget} of your votes in this campaign.`, {
          votesRemaining: 0,
        });
      }
      const added = delta(value);
      const removed = delta(current.value);
      const updated = await applyVote(manager, {
        ideaId: idea.id,
        campaignId: idea.campaignId,
        userId: person.userId,
        row: current.value === null ? 'insert' : 'update',
        value,
        budget: current.value === null ? 1 : 0,
        up: added.up - removed.up,
        down: added.down - removed.down,
      });
      if (participation.joined) {
        await manager.query('UPDATE campaigns SET participant_count = participant_count + 1 WHERE id = $1', [
          idea.campaignId,
        ]);
      }
      return updated;
    });
  }

  /**
   * The idea to take a vote back from. A hidden idea keeps the votes cast on it, so the people who voted
   * may still take theirs back and free their budget; to anyone else it does not exist.
   */
  private async retractTarget(person: PersonViewer, ideaId: string | null): Promise<IdeaEntity> {
    const visible = await this.ideas.findVisible(person, ideaId);
    if (visible) return visible.idea;
    const [idea] = ideaId ? await this.ideas.findByIds([ideaId]) : [];
    if (!idea || !(await this.queries.viewerVotes(person.userId, [idea.id])).has(idea.id))
      throw new NotFoundError('idea');
    return idea;
  }

  async retractVote(viewer: RequestViewer, ideaId: string | null): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    const idea = await this.retractTarget(person, ideaId);
    return this.database.transaction(async (manager) => {
      await this.assertCanVote(manager, person, idea.campaignId);
      // Someone who never took part has no vote to retract (and does not become a participant).
      const participant = await manager.query(
        'SELECT 1 FROM campaign_participants WHERE campaign_id = $1 AND user_id = $2 FOR UPDATE',
        [idea.campaignId, person.userId],
      );
      if (participant.length === 0) return idea;
      const current = await this.lockIdea(manager, idea.id, person.userId);
      if (current.value === null) return idea;
      const removed = delta(current.value);
      return applyVote(manager, {
        ideaId: idea.id,
        campaignId: idea.campaignId,
        userId: person.userId,
        row: 'delete',
        // A withdrawn idea's votes were already given back to their budgets when it was withdrawn.
        budget: current.status === IdeaStatus.WITHDRAWN ? 0 : -1,
        up: -removed.up,
        down: -removed.down,
      });
    });
  }

  /** Votes left for the viewer in each campaign (null: no budget, or signed out). */
  async remaining(userId: string, campaignIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.database.dataSource.query(
      `SELECT c.id, c.vote_budget - coalesce(p.votes_used, 0) AS remaining FROM campaigns c
         LEFT JOIN campaign_participants p ON p.campaign_id = c.id AND p.user_id = $1
        WHERE c.id = ANY($2) AND c.vote_budget IS NOT NULL`,
      [userId, campaignIds],
    );
    return new Map(rows.map((row: { id: string; remaining: number }) => [row.id, Math.max(0, row.remaining)]));
  }
}
