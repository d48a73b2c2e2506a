import { IdeaStatus, LIMITS, renderMarkdown, Visibility } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { PersonLimitsService } from '../../common/rate-limit/person-limits.service.js';
import { DatabaseService, RetryTransaction } from '../../database/database.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import type { CampaignEntity } from '../campaigns/campaign.entity.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { assertMayContribute } from '../campaigns/contribution.js';
import { followsRepository } from '../follows/follows.repository.js';
import { campaignsRepository } from '../campaigns/campaigns.repository.js';
import type { IdeaEntity } from './idea.entity.js';
import { votesRepository } from '../votes/votes.repository.js';
import { editRefusal, withdrawRefusal } from './idea-rules.js';
import { ideasRepository } from './ideas.repository.js';
import { outboxRepository } from '../../events/outbox.repository.js';

/** The tags an idea may take, for a refused tag. */
const tagChoice = (tags: string[]) =>
  tags.length ? fieldMessage('tagChoice', { tags: tags.join(', ') }) : fieldMessage('noTags');

function checkText(title: string | null | undefined, body: string | null | undefined): void {
  const fields: Record<string, string> = {};
  if (title !== undefined && title !== null && title.trim().length < LIMITS.idea.titleMin) {
    fields.title = fieldMessage('lengthBetween', { min: LIMITS.idea.titleMin, max: LIMITS.idea.titleMax });
  }
  if (body !== undefined && body !== null && body.trim().length < LIMITS.idea.bodyMin)
    fields.body = fieldMessage('required');
  if (Object.keys(fields).length) throw new BadInputError(fields);
}

/** An idea and whether the viewer may see it, by canSee: the one visibility rule. */
export interface SeenIdea {
  idea: IdeaEntity;
  visible: boolean;
}

/** Ideas as their authors handle them: submit, edit, withdraw; and who may see one. */
@Injectable()
export class IdeasService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
    private readonly campaigns: CampaignsService,
    private readonly limits: PersonLimitsService,
  ) {}

  findByIds(ids: readonly string[]): Promise<IdeaEntity[]> {
    return ideasRepository.findByIds(this.database.dataSource, ids);
  }

  /** Ideas by id, each with whether the viewer may see it (canSee); null where there is no such idea. */
  async seenByIds(viewer: RequestViewer, ids: readonly string[]): Promise<Array<SeenIdea | null>> {
    const found = await this.findByIds(ids);
    const campaigns = new Map(
      (await this.campaigns.findByIds([...new Set(found.map((idea) => idea.campaignId))])).map((c) => [c.id, c]),
    );
    const seen = new Map(
      await Promise.all(
        found.map(async (idea) => {
          const campaign = campaigns.get(idea.campaignId);
          const visible = !!campaign && (await this.canSee(viewer, idea, campaign));
          return [idea.id, { idea, visible }] as const;
        }),
      ),
    );
    return ids.map((id) => seen.get(id) ?? null);
  }

  /** The one rule for who sees an idea: the campaign's, then hidden ideas only for authors and moderators. */
  async canSee(viewer: RequestViewer, idea: IdeaEntity, campaign: CampaignEntity): Promise<boolean> {
    if (!(await this.access.canSee(viewer, campaign))) return false;
    if (idea.visibility === Visibility.VISIBLE) return true;
    // Authors see their own hidden ideas; moderators and the campaign's agency see every one.
    return (
      (viewer.userId !== null && idea.authorId === viewer.userId) || this.access.canModerate(viewer, campaign.agencyId)
    );
  }

  async findVisible(
    viewer: RequestViewer,
    id: string | null,
  ): Promise<{ idea: IdeaEntity; campaign: CampaignEntity } | null> {
    if (!id) return null;
    const found = await ideasRepository.findWithCampaign(this.database.dataSource, id);
    return found && (await this.canSee(viewer, found.idea, found.campaign)) ? found : null;
  }

  async submitIdea(
    viewer: RequestViewer,
    campaignId: string | null,
    input: { title: string; body: string; tag?: string | null },
  ): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    const [campaign] = campaignId ? await this.campaigns.findByIds([campaignId]) : [];
    if (!campaign || !(await this.access.canSee(viewer, campaign))) throw new NotFoundError('campaign');
    checkText(input.title, input.body);
    const tag = input.tag?.trim() || null;
    if (tag && !campaign.tags.includes(tag)) throw new BadInputError({ tag: tagChoice(campaign.tags) });
    return this.limits.within('idea', viewer, () => this.insertIdea(person.userId, campaign, input, tag));
  }

  private insertIdea(
    userId: string,
    campaign: CampaignEntity,
    input: { title: string; body: string },
    tag: string | null,
  ): Promise<IdeaEntity> {
    return this.database.transaction(async (manager) => {
      const { state, participation } = await campaignsRepository.contributionState(manager, campaign.id, userId);
      assertMayContribute(state);
      const joined = participation!.joined;
      const idea = await ideasRepository.insert(manager, {
        campaignId: campaign.id,
        authorId: userId,
        title: input.title.trim(),
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        tag,
      });
      await campaignsRepository.adjustCounts(manager, campaign.id, { ideas: 1, participants: joined ? 1 : 0 });
      // Authors follow their own ideas.
      await followsRepository.follow(manager, userId, idea.id);
      await outboxRepository.record(manager, [
        { type: 'IdeaSubmitted', aggregateId: idea.id, payload: { campaignId: campaign.id, authorId: userId } },
      ]);
      return idea;
    });
  }

  /** The idea for a change by its author (read before the transaction: see lockForAuthor). */
  private async ownIdea(viewer: RequestViewer, id: string | null) {
    const person = requirePerson(viewer);
    const visible = await this.findVisible(viewer, id);
    if (!visible) throw new NotFoundError('idea');
    if (visible.idea.authorId !== person.userId) throw new ForbiddenError('AUTHOR_ONLY');
    return visible;
  }

  /**
   * Inside the transaction: locks the idea and reads its current state. Everything that needs other
   * connections happens before the transaction, which never waits for a second pooled connection.
   */
  private async lockForAuthor(manager: EntityManager, visible: { idea: IdeaEntity; campaign: CampaignEntity }) {
    const idea = (await ideasRepository.lock(manager, visible.idea.id))!;
    return { idea, campaign: visible.campaign };
  }

  async updateIdea(
    viewer: RequestViewer,
    id: string | null,
    input: { title?: string | null; body?: string | null; tag?: string | null },
  ): Promise<IdeaEntity> {
    checkText(input.title, input.body);
    const visible = await this.ownIdea(viewer, id);
    return this.database.transaction(async (manager) => {
      const { idea, campaign } = await this.lockForAuthor(manager, visible);
      const refusal = editRefusal(idea, await campaignsRepository.acceptance(manager, campaign.id));
      if (refusal) throw refusal;
      const tag = input.tag === undefined ? idea.tag : input.tag?.trim() || null;
      if (tag && !campaign.tags.includes(tag)) throw new BadInputError({ tag: tagChoice(campaign.tags) });
      const title = input.title?.trim() || idea.title;
      const body = input.body ?? idea.body;
      return ideasRepository.updateText(manager, idea.id, { title, body, bodyHtml: renderMarkdown(body), tag });
    });
  }

  /**
   * WITHDRAWN: gone from default lists, and votes on it stop counting against budgets. Locks follow the
   * global order: the voters' participant rows (sorted), then the idea, then the campaign.
   */
  async withdrawIdea(viewer: RequestViewer, id: string | null): Promise<IdeaEntity> {
    const first = await this.ownIdea(viewer, id);
    return this.database.transaction(async (manager) => {
      const voters = await votesRepository.votersOf(manager, first.idea.id);
      if (voters.length) await campaignsRepository.lockParticipants(manager, first.idea.campaignId, voters);
      const { idea, campaign } = await this.lockForAuthor(manager, first);
      if (idea.status === IdeaStatus.WITHDRAWN) return idea;
      const refusal = withdrawRefusal(idea, campaign.status);
      if (refusal) throw refusal;
      if (!(await votesRepository.votersAre(manager, idea.id, voters))) throw new RetryTransaction();
      await campaignsRepository.releaseVotesOn(manager, idea.campaignId, idea.id);
      const withdrawn = await ideasRepository.setStatus(manager, idea.id, IdeaStatus.WITHDRAWN);
      // Hidden ideas are already left out of the campaign's count.
      if (idea.visibility === Visibility.VISIBLE)
        await campaignsRepository.adjustCounts(manager, idea.campaignId, { ideas: -1 });
      await outboxRepository.record(manager, [
        {
          type: 'IdeaStatusChanged',
          aggregateId: idea.id,
          payload: { campaignId: idea.campaignId, from: idea.status, to: IdeaStatus.WITHDRAWN, actorId: idea.authorId },
        },
      ]);
      return withdrawn;
    });
  }
}
