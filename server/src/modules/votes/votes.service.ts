import { IdeaStatus, Visibility, VotingMode } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requirePerson, type PersonViewer } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { Clock } from '../../common/clock/clock.js';
import { DatabaseService } from '../../database/database.service.js';
import { assertMayContribute } from '../campaigns/contribution.js';
import { campaignsRepository, type Participation } from '../campaigns/campaigns.repository.js';
import type { IdeaEntity } from '../ideas/idea.entity.js';
import { IdeaQueriesService } from '../ideas/idea-queries.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { votesRepository } from './votes.repository.js';

interface Target {
  idea: IdeaEntity;
  votingMode: VotingMode;
  voteBudget: number | null;
}

/** Decided ideas take no more votes (a vote already cast can still be taken back). */
const DECIDED: ReadonlySet<IdeaStatus> = new Set([IdeaStatus.IMPLEMENTED, IdeaStatus.REJECTED, IdeaStatus.DUPLICATE]);

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
    private readonly clock: Clock,
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

  /**
   * Inside the transaction: CONFLICT when the person is suspended or the campaign takes no votes now; else
   * their participation, locked (see CampaignsRepository.contributionState).
   */
  private async assertCanVote(
    manager: EntityManager,
    viewer: PersonViewer,
    campaignId: string,
    lock: 'join' | 'existing',
  ): Promise<Participation | null> {
    const { state, participation } = await campaignsRepository.contributionState(
      manager,
      campaignId,
      viewer.userId,
      lock,
    );
    assertMayContribute(state);
    return participation;
  }

  async castVote(viewer: RequestViewer, ideaId: string | null, value: number): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    if (value !== 1 && value !== -1) throw new BadInputError({ value: fieldMessage('voteValue') });
    const { idea, votingMode, voteBudget } = await this.target(person, ideaId);
    if (value === -1 && votingMode === VotingMode.SUPPORT) {
      throw new BadInputError({ value: fieldMessage('supportOnly') });
    }
    return this.database.transaction(async (manager) => {
      const participation = (await this.assertCanVote(manager, person, idea.campaignId, 'join'))!;
      const current = await votesRepository.lockIdea(manager, idea.id, person.userId);
      if (current.status === IdeaStatus.WITHDRAWN) throw new ConflictError('IDEA_WITHDRAWN');
      if (current.visibility === Visibility.HIDDEN) throw new ConflictError('IDEA_HIDDEN');
      if (DECIDED.has(current.status)) {
        throw new ConflictError('IDEA_DECIDED', { status: current.status });
      }
      if (current.value === value) return idea;

      if (current.value === null && voteBudget !== null && participation.votesUsed >= voteBudget) {
        throw new ConflictError('VOTE_BUDGET_SPENT', { budget: voteBudget }, { votesRemaining: 0 });
      }
      const added = delta(value);
      const removed = delta(current.value);
      const updated = await votesRepository.apply(manager, {
        ideaId: idea.id,
        campaignId: idea.campaignId,
        userId: person.userId,
        row: current.value === null ? 'insert' : 'update',
        value,
        budget: current.value === null ? 1 : 0,
        up: added.up - removed.up,
        down: added.down - removed.down,
        at: this.clock.now(),
      });
      if (participation.joined) {
        await campaignsRepository.adjustCounts(manager, idea.campaignId, { participants: 1 });
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
      // Someone who never took part has no vote to retract (and does not become a participant).
      if (!(await this.assertCanVote(manager, person, idea.campaignId, 'existing'))) return idea;
      const current = await votesRepository.lockIdea(manager, idea.id, person.userId);
      if (current.value === null) return idea;
      const removed = delta(current.value);
      return votesRepository.apply(manager, {
        ideaId: idea.id,
        campaignId: idea.campaignId,
        userId: person.userId,
        row: 'delete',
        // A withdrawn idea's votes were already given back to their budgets when it was withdrawn.
        budget: current.status === IdeaStatus.WITHDRAWN ? 0 : -1,
        up: -removed.up,
        down: -removed.down,
        at: this.clock.now(),
      });
    });
  }

  /** Votes left for the viewer in each campaign (null: no budget, or signed out). */
  remaining(userId: string, campaignIds: readonly string[]): Promise<Map<string, number>> {
    return campaignsRepository.votesRemaining(this.database.dataSource, userId, campaignIds);
  }
}
