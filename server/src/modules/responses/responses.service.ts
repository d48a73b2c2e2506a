import { IdeaStatus, renderMarkdown, Visibility } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { Clock } from '../../common/clock/clock.js';
import { DatabaseService } from '../../database/database.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import type { IdeaEntity } from '../ideas/idea.entity.js';
import { ideasRepository } from '../ideas/ideas.repository.js';
import { IdeasService } from '../ideas/ideas.service.js';
import type { OfficialResponseRow } from './official-response.object.js';
import { responsesRepository, type ResponseStats } from './responses.repository.js';
import { outboxRepository } from '../../events/outbox.repository.js';

const RESPONSE_STATUSES = new Set([
  IdeaStatus.UNDER_REVIEW,
  IdeaStatus.ACCEPTED,
  IdeaStatus.IN_PROGRESS,
  IdeaStatus.IMPLEMENTED,
  IdeaStatus.REJECTED,
  IdeaStatus.DUPLICATE,
]);

/** Official responses: only the campaign's agency answers, and each answer sets the idea's status. */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ideas: IdeasService,
    private readonly access: CampaignAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Each idea's responses, oldest first (the history, newest last). */
  async listForIdeas(ideaIds: readonly string[]): Promise<OfficialResponseRow[]> {
    return responsesRepository.listForIdeas(this.database.dataSource, ideaIds);
  }

  async findVisible(viewer: RequestViewer, id: string): Promise<OfficialResponseRow | null> {
    const row = await responsesRepository.find(this.database.dataSource, id);
    return row && (await this.ideas.findVisible(viewer, row.idea_id)) ? row : null;
  }

  async postOfficialResponse(
    viewer: RequestViewer,
    input: { ideaId: string | null; body: string; status: IdeaStatus; duplicateOfId: string | null },
  ): Promise<{ response: OfficialResponseRow; idea: IdeaEntity }> {
    const person = requirePerson(viewer);
    const target = await this.ideas.findVisible(viewer, input.ideaId);
    if (!target) throw new NotFoundError('idea');
    if (!(await this.access.agencyIdsOf(viewer)).has(target.campaign.agencyId)) {
      throw new ForbiddenError('AGENCY_STAFF_ONLY');
    }
    if (!RESPONSE_STATUSES.has(input.status)) {
      throw new BadInputError({ status: fieldMessage('responseStatus') });
    }
    if (!input.body.trim()) throw new BadInputError({ body: fieldMessage('answerRequired') });
    let duplicateOf: string | null = null;
    if (input.status === IdeaStatus.DUPLICATE) {
      const original = input.duplicateOfId ? await this.ideas.findVisible(viewer, input.duplicateOfId) : null;
      const valid =
        original &&
        original.idea.campaignId === target.idea.campaignId &&
        original.idea.id !== target.idea.id &&
        original.idea.visibility === Visibility.VISIBLE &&
        original.idea.status !== IdeaStatus.WITHDRAWN;
      if (!valid) throw new BadInputError({ duplicateOfId: fieldMessage('duplicateTarget') });
      duplicateOf = original.idea.id;
    } else if (input.duplicateOfId) {
      throw new BadInputError({ duplicateOfId: fieldMessage('duplicateOnly') });
    }
    if (target.campaign.status === 'ARCHIVED') throw new ConflictError('CAMPAIGN_ARCHIVED');

    return this.database.transaction(async (manager) => {
      const locked = (await ideasRepository.lock(manager, target.idea.id))!;
      if (locked.status === IdeaStatus.WITHDRAWN) throw new ConflictError('IDEA_WITHDRAWN');
      const response = await responsesRepository.insert(manager, {
        ideaId: target.idea.id,
        agencyId: target.campaign.agencyId,
        authorId: person.userId,
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        status: input.status,
        duplicateOf,
        previousStatus: locked.status,
      });
      const idea = await ideasRepository.setStatus(manager, target.idea.id, input.status, {
        duplicateOf,
        answeredAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        actorId: person.userId,
        action: 'idea.response_posted',
        targetType: 'Idea',
        targetId: target.idea.id,
        agencyId: target.campaign.agencyId,
        details: { from: locked.status, to: input.status, responseId: response.id },
      });
      const about = { campaignId: target.campaign.id };
      await outboxRepository.record(manager, [
        {
          type: 'OfficialResponsePosted',
          aggregateId: target.idea.id,
          payload: { ...about, responseId: response.id, authorId: person.userId, status: input.status },
        },
        ...(locked.status === input.status
          ? []
          : [
              {
                type: 'IdeaStatusChanged' as const,
                aggregateId: target.idea.id,
                payload: { ...about, from: locked.status, to: input.status, actorId: person.userId },
              },
            ]),
      ]);
      return { response, idea };
    });
  }

  /** Counts for accountability: owed, answered (in time, late), waiting, overdue, and the median wait in days. */
  stats(campaign: {
    uuid: string;
    responseThreshold: number | null;
    responseDays: number | null;
  }): Promise<ResponseStats> {
    return responsesRepository.stats(
      this.database.dataSource,
      { id: campaign.uuid, threshold: campaign.responseThreshold, days: campaign.responseDays },
      this.clock.now(),
    );
  }
}
