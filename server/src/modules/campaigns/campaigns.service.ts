import { ideasRepository } from '../ideas/ideas.repository.js';
import { campaignsRepository } from './campaigns.repository.js';
import { CampaignStatus, LIMITS, renderMarkdown, slugify, VotingMode } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { CampaignReadCache } from './campaign-read-cache.js';
import { requireSignedIn } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { Clock } from '../../common/clock/clock.js';
import { DatabaseService } from '../../database/database.service.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignAccessService } from './campaign-access.service.js';
import { agenciesRepository } from '../agencies/agencies.repository.js';
import { effectiveStatus, type CampaignEntity } from './campaign.entity.js';
import { outboxRepository } from '../../events/outbox.repository.js';

export interface CampaignFields {
  title?: string | null;
  summary?: string | null;
  body?: string | null;
  opensAt?: Date | null;
  closesAt?: Date | null;
  voteBudget?: number | null;
  responseThreshold?: number | null;
  responseDays?: number | null;
  tags?: string[] | null;
  requireVerifiedEmail?: boolean | null;
}

function normaliseTags(tags: string[]): string[] {
  const cleaned = tags.map((tag) => tag.trim());
  if (cleaned.some((tag) => tag.length < LIMITS.campaign.tagMin))
    throw new BadInputError({ tags: fieldMessage('tagBlank') });
  if (new Set(cleaned.map((t) => t.toLowerCase())).size !== cleaned.length) {
    throw new BadInputError({ tags: fieldMessage('tagRepeated') });
  }
  return cleaned;
}

/** Closing after opening; and a closing time being set (or a draft's) not already past. */
function checkDates(opensAt: Date | null, closesAt: Date | null, settingClose: boolean, now: Date): void {
  if (opensAt && closesAt && closesAt <= opensAt)
    throw new BadInputError({ closesAt: fieldMessage('closesAfterOpens') });
  if (settingClose && closesAt && closesAt <= now) throw new BadInputError({ closesAt: fieldMessage('timeInFuture') });
}

/** Campaigns as officials run them: create and edit, open, close, archive. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly readCache: CampaignReadCache,
  ) {}

  findByIds(ids: readonly string[]): Promise<CampaignEntity[]> {
    return campaignsRepository.findByIds(this.database.dataSource, ids);
  }

  /** The campaign if the viewer may see it, else null (a draft is invisible outside its agency). */
  async findVisible(
    viewer: RequestViewer,
    where: { id?: string | null; slug?: string | null },
  ): Promise<CampaignEntity | null> {
    const campaign = await this.findRow(where);
    return campaign && (await this.access.canSee(viewer, campaign)) ? campaign : null;
  }

  private async findRow(where: { id?: string | null; slug?: string | null }): Promise<CampaignEntity | null> {
    if (where.id) return (await this.findByIds([where.id]))[0] ?? null;
    return where.slug ? campaignsRepository.findBySlug(this.database.dataSource, where.slug) : null;
  }

  /**
   * findVisible for the `campaign` query: a viewer who did not just write may be served the row this process
   * read in the last CAMPAIGN_CACHE_SECONDS (as a read replica would serve it); the rule of who sees it is
   * applied to the row on every read.
   */
  async findVisibleForRead(
    viewer: RequestViewer,
    where: { id?: string | null; slug?: string | null },
  ): Promise<CampaignEntity | null> {
    if (!this.readCache.servesTo(viewer)) return this.findVisible(viewer, where);
    let campaign = this.readCache.get(where);
    if (!campaign) {
      const since = Date.now();
      campaign = (await this.findRow(where)) ?? undefined;
      if (campaign) this.readCache.set(campaign, since);
    }
    return campaign && (await this.access.canSee(viewer, campaign)) ? campaign : null;
  }

  /** The campaign for a change by its agency's people; NOT_FOUND if invisible, FORBIDDEN if not theirs. */
  private async forManager(viewer: RequestViewer, id: string | null): Promise<CampaignEntity> {
    requireSignedIn(viewer);
    const campaign = id ? await this.findVisible(viewer, { id }) : null;
    if (!campaign) throw new NotFoundError('campaign');
    if (!(await this.access.canManage(viewer, campaign.agencyId))) {
      throw new ForbiddenError('AGENCY_STAFF_ONLY');
    }
    return campaign;
  }

  async createCampaign(
    viewer: RequestViewer,
    agencyId: string | null,
    input: CampaignFields & {
      title: string;
      summary: string;
      body: string;
      slug?: string | null;
      votingMode?: VotingMode | null;
    },
  ): Promise<CampaignEntity> {
    const actor = requireSignedIn(viewer);
    const agency = agencyId ? await agenciesRepository.findByIds(this.database.dataSource, [agencyId]) : [];
    if (agency.length === 0) throw new NotFoundError('agency');
    if (!(await this.access.canManage(viewer, agencyId!))) throw new ForbiddenError('AGENCY_STAFF_ONLY');
    checkDates(input.opensAt ?? null, input.closesAt ?? null, true, this.clock.now());
    const slug = input.slug ?? slugify(input.title, LIMITS.campaign.slugMax);
    if (slug.length < LIMITS.campaign.slugMin) throw new BadInputError({ slug: fieldMessage('slugLettersDigits') });
    try {
      return await this.database.transaction(async (manager) => {
        const campaign = await campaignsRepository.insert(manager, {
          agencyId: agencyId!,
          slug,
          title: input.title.trim(),
          summary: input.summary.trim(),
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          status: CampaignStatus.DRAFT,
          opensAt: input.opensAt ?? null,
          closesAt: input.closesAt ?? null,
          votingMode: input.votingMode ?? VotingMode.SUPPORT,
          voteBudget: input.voteBudget ?? null,
          responseThreshold: input.responseThreshold ?? null,
          responseDays: input.responseDays ?? null,
          tags: normaliseTags(input.tags ?? []),
          requireVerifiedEmail: input.requireVerifiedEmail ?? false,
          createdBy: actor.userId,
        });
        await this.audit.record(manager, {
          actorId: actor.userId,
          action: 'campaign.created',
          targetType: 'Campaign',
          targetId: campaign.id,
          agencyId: campaign.agencyId,
        });
        return campaign;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'campaigns_slug_key')) {
        throw ConflictError.onFields('SLUG_TAKEN', { slug: fieldMessage('campaignSlugTaken') });
      }
      throw error;
    }
  }

  async updateCampaign(viewer: RequestViewer, id: string | null, input: CampaignFields): Promise<CampaignEntity> {
    const found = await this.forManager(viewer, id);
    if (found.status === CampaignStatus.ARCHIVED) throw new ConflictError('CAMPAIGN_ARCHIVED');
    return this.database.transaction(async (manager) => {
      const campaign = (await campaignsRepository.lock(manager, found.id))!;
      if (input.title) campaign.title = input.title.trim();
      if (input.summary) campaign.summary = input.summary.trim();
      if (input.body) Object.assign(campaign, { body: input.body, bodyHtml: renderMarkdown(input.body) });
      if (input.opensAt !== undefined) campaign.opensAt = input.opensAt;
      if (input.closesAt !== undefined) campaign.closesAt = input.closesAt;
      const settingClose = input.closesAt !== undefined || campaign.status === CampaignStatus.DRAFT;
      checkDates(campaign.opensAt, campaign.closesAt, settingClose, this.clock.now());
      if (input.responseThreshold !== undefined) {
        campaign.responseThreshold = input.responseThreshold;
        // Ideas already at the new threshold are owed an answer from now on.
        if (input.responseThreshold !== null)
          await ideasRepository.markThresholdReached(manager, campaign.id, input.responseThreshold, this.clock.now());
      }
      if (input.responseDays !== undefined) campaign.responseDays = input.responseDays;
      if (input.voteBudget !== undefined) {
        const lowered =
          input.voteBudget !== null && (campaign.voteBudget === null || input.voteBudget < campaign.voteBudget);
        if (lowered && campaign.status !== CampaignStatus.DRAFT) {
          throw new BadInputError({ voteBudget: fieldMessage('budgetOnlyGrows') });
        }
        campaign.voteBudget = input.voteBudget;
      }
      if (input.requireVerifiedEmail !== undefined && input.requireVerifiedEmail !== null)
        campaign.requireVerifiedEmail = input.requireVerifiedEmail;
      if (input.tags) {
        const tags = normaliseTags(input.tags);
        const removed = campaign.tags.filter((tag) => !tags.includes(tag));
        if ((await campaignsRepository.ideasTagged(manager, campaign.id, removed)) > 0)
          throw new BadInputError({ tags: fieldMessage('tagInUse') });
        campaign.tags = tags;
      }
      const updated = await campaignsRepository.update(manager, campaign);
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'campaign.updated',
        targetType: 'Campaign',
        targetId: campaign.id,
        agencyId: campaign.agencyId,
      });
      return updated;
    });
  }

  /** Moves a campaign to `to` from one of `from`; already there is no change. */
  async transition(
    viewer: RequestViewer,
    id: string | null,
    to: CampaignStatus,
    from: CampaignStatus[],
  ): Promise<CampaignEntity> {
    const found = await this.forManager(viewer, id);
    return this.database.transaction(async (manager) => {
      const campaign = (await campaignsRepository.lock(manager, found.id))!;
      const current = effectiveStatus(campaign);
      if (current === to) return campaign;
      if (!from.includes(current)) {
        throw new ConflictError('CAMPAIGN_TRANSITION', { from: current, to });
      }
      const now = this.clock.now();
      if (to === CampaignStatus.OPEN && campaign.closesAt && campaign.closesAt <= now) {
        throw new ConflictError('CLOSING_TIME_PASSED');
      }
      // Closed early (or with no closing time): the closing date people see is when it closed.
      if (to === CampaignStatus.CLOSED && (!campaign.closesAt || campaign.closesAt > now)) campaign.closesAt = now;
      const previous = campaign.status;
      campaign.status = to;
      const moved = await campaignsRepository.update(manager, campaign);
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: `campaign.${to.toLowerCase()}`,
        targetType: 'Campaign',
        targetId: campaign.id,
        agencyId: campaign.agencyId,
        details: { from: previous },
      });
      const payload = { agencyId: campaign.agencyId, actorId: viewer.userId };
      if (to === CampaignStatus.OPEN)
        await outboxRepository.record(manager, [{ type: 'CampaignOpened', aggregateId: campaign.id, payload }]);
      if (to === CampaignStatus.CLOSED)
        await outboxRepository.record(manager, [{ type: 'CampaignClosed', aggregateId: campaign.id, payload }]);
      return moved;
    });
  }
}
