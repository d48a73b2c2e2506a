import { IdeaStatus, Visibility, VotingMode } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requirePerson, type PersonViewer } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, NotFoundError, UnavailableError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { Clock } from '../../common/clock/clock.js';
import { DatabaseService } from '../../database/database.service.js';
import { assertMayContribute } from '../campaigns/contribution.js';
import { campaignChanged } from '../campaigns/campaign-read-cache.js';
import { campaignsRepository } from '../campaigns/campaigns.repository.js';
import type { IdeaEntity } from '../ideas/idea.entity.js';
import { IdeaQueriesService } from '../ideas/idea-queries.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { ideaVoted, votesRepository, type CastOutcome, type LockedIdea } from './votes.repository.js';

interface Target {
  idea: IdeaEntity;
  votingMode: VotingMode;
  voteBudget: number | null;
}

/** Decided ideas take no more votes (a vote already cast can still be taken back). */
const DECIDED_LIST: readonly IdeaStatus[] = [IdeaStatus.IMPLEMENTED, IdeaStatus.REJECTED, IdeaStatus.DUPLICATE];
const DECIDED: ReadonlySet<IdeaStatus> = new Set(DECIDED_LIST);

/** CONFLICT when the idea takes no votes: withdrawn, hidden, or decided. */
function assertVotable(current: LockedIdea): void {
  if (current.status === IdeaStatus.WITHDRAWN) throw new ConflictError('IDEA_WITHDRAWN');
  if (current.visibility === Visibility.HIDDEN) throw new ConflictError('IDEA_HIDDEN');
  if (DECIDED.has(current.status)) throw new ConflictError('IDEA_DECIDED', { status: current.status });
}

/** CONFLICT when a new vote would pass the campaign's budget. */
function assertBudgetLeft(current: LockedIdea, votesUsed: number, budget: number | null): void {
  if (current.value === null && budget !== null && votesUsed >= budget) {
    throw new ConflictError('VOTE_BUDGET_SPENT', { budget }, { votesRemaining: 0 });
  }
}

/**
 * Votes. Every change runs in one transaction that locks, in this order, the voter's participant row
 * (their budget), then the idea, and only then writes the vote row and the counters beside it. No
 * check-then-insert: the checks read rows this transaction has locked. A cast and a retraction are each one
 * statement, a database function that is its own transaction (decisions 0020 to 0022). Deadlocks and
 * serialization failures are retried a bounded number of times by DatabaseService.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ideas: IdeasService,
    private readonly queries: IdeaQueriesService,
    private readonly clock: Clock,
  ) {}

  /** The idea as the viewer may see it, with the campaign's voting rules; NOT_FOUND when they may not. */
  private async target(viewer: PersonViewer, ideaId: string | null): Promise<Target> {
    const visible = await this.ideas.findVisible(viewer, ideaId);
    if (!visible) throw new NotFoundError('idea');
    return { idea: visible.idea, votingMode: visible.campaign.votingMode, voteBudget: visible.campaign.voteBudget };
  }

  /**
   * One statement (VotesRepository.cast) finds the idea's campaign, takes the locks in the order above,
   * checks and writes. A vote it writes is on a VISIBLE idea of an OPEN campaign, which every person may see
   * (migration 1796000000000), so nothing is read before it; when it refuses, refusal says why.
   */
  async castVote(viewer: RequestViewer, ideaId: string | null, value: number): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    if (value !== 1 && value !== -1) throw new BadInputError({ value: fieldMessage('voteValue') });
    if (!ideaId) throw new NotFoundError('idea');
    const change = { ideaId, userId: person.userId, value, decided: DECIDED_LIST } as const;
    const outcome = await this.database.alone(
      (executor) => votesRepository.cast(executor, { ...change, at: this.clock.now() }),
      (done) => (done.idea ? [ideaVoted(done.idea)] : []),
    );
    if (!outcome.idea) return this.refusal(person, ideaId, value, outcome);
    if (outcome.joined) campaignChanged(outcome.idea.campaignId);
    return outcome.idea;
  }

  /**
   * Why a cast wrote nothing, by the rules in the order they apply, from the facts the statement read under
   * its locks: NOT_FOUND to someone who may not see the idea (by the same rule as every read of it), then
   * the voting mode, the campaign and the person's standing, the idea's state, the same vote again (the
   * idea as it is), the budget.
   */
  private async refusal(person: PersonViewer, ideaId: string, value: 1 | -1, outcome: CastOutcome) {
    const { idea, votingMode, voteBudget } = await this.target(person, ideaId);
    if (value === -1 && votingMode === VotingMode.SUPPORT) {
      throw new BadInputError({ value: fieldMessage('supportOnly') });
    }
    // The statement stopped before the campaign's state, for a reason the idea read since no longer shows.
    if (!outcome.state) throw new UnavailableError();
    assertMayContribute(outcome.state);
    if (!outcome.current) throw new NotFoundError('idea');
    assertVotable(outcome.current);
    if (outcome.current.value === value) return idea;
    assertBudgetLeft(outcome.current, outcome.votesUsed ?? 0, voteBudget);
    // The statement refused for a reason the rules above do not know: a fault, said as one (and logged).
    throw new UnavailableError();
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

  /**
   * One statement (VotesRepository.retract) takes the locks in the order above and takes the vote back.
   * Whoever has a vote may take it back, so nothing is read before it; when it takes nothing back, the
   * idea is read to say why: NOT_FOUND to someone who may not see it and has no vote on it, then the
   * campaign and the person's standing; else the idea as it is (there was no vote to take back, and the
   * person does not become a participant).
   */
  async retractVote(viewer: RequestViewer, ideaId: string | null): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    if (!ideaId) throw new NotFoundError('idea');
    const outcome = await this.database.alone(
      (executor) => votesRepository.retract(executor, { ideaId, userId: person.userId, at: this.clock.now() }),
      (done) => (done.idea ? [ideaVoted(done.idea)] : []),
    );
    if (outcome.idea) return outcome.idea;
    const idea = await this.retractTarget(person, ideaId);
    if (outcome.state) assertMayContribute(outcome.state);
    return idea;
  }

  /** Votes left for the viewer in each campaign (null: no budget, or signed out). */
  remaining(userId: string, campaignIds: readonly string[]): Promise<Map<string, number>> {
    return campaignsRepository.votesRemaining(this.database.dataSource, userId, campaignIds);
  }
}
