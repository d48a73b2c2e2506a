import { Visibility } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { idOfType, isUuid, toGlobalId } from '../../common/graphql/global-id.js';
import type { Cell } from '@consulta/shared';
import { DatabaseService } from '../../database/database.service.js';
import type { CampaignEntity } from '../campaigns/campaign.entity.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { keysetPages } from '../../database/keyset-pages.js';
import { exportsRepository } from './exports.repository.js';

const BATCH = 2_000;
const DAY_MS = 86_400_000;

export type ExportLanguage = 'en' | 'es';

/** The two tables of an export, with their headers in the reader's language. */
export const EXPORT_HEADERS = {
  ideas: {
    en: [
      'ID',
      'Title',
      'Status',
      'Topic',
      'Hidden',
      'Hidden because',
      'Author',
      'Votes for',
      'Votes against',
      'Score',
      'Comments',
      'Submitted',
      'Reached the threshold',
      'Answer due',
      'First answered',
      'Latest answer status',
      'Latest answer',
      'Latest answer by',
      'Latest answer on',
    ],
    es: [
      'ID',
      'Título',
      'Estado',
      'Tema',
      'Oculta',
      'Motivo de ocultación',
      'Autor',
      'Votos a favor',
      'Votos en contra',
      'Puntuación',
      'Comentarios',
      'Enviada',
      'Alcanzó el umbral',
      'Respuesta debida',
      'Primera respuesta',
      'Estado de la última respuesta',
      'Última respuesta',
      'Última respuesta de',
      'Fecha de la última respuesta',
    ],
  },
  answers: {
    en: ['Answer ID', 'Idea ID', 'Idea', 'Answered on', 'Answered by', 'Status before', 'Status after', 'Answer'],
    es: [
      'ID de la respuesta',
      'ID de la idea',
      'Idea',
      'Fecha',
      'Respondida por',
      'Estado anterior',
      'Estado nuevo',
      'Respuesta',
    ],
  },
} as const;

/**
 * The agency's exports of a campaign: every idea (hidden ones marked) with its latest answer, and the
 * history of answers. Only the campaign's managers (its agency's members and site admins) may have them.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly campaigns: CampaignsService,
    private readonly access: CampaignAccessService,
  ) {}

  /** The campaign by global id, uuid or slug: NOT_FOUND when the viewer cannot see it, FORBIDDEN if not theirs. */
  async campaignFor(viewer: RequestViewer, ref: string): Promise<CampaignEntity> {
    const id = idOfType(ref, 'Campaign') ?? (isUuid(ref) ? ref : null);
    const campaign = await this.campaigns.findVisible(viewer, id ? { id } : { slug: ref });
    if (!campaign) throw new NotFoundError('campaign');
    if (!(await this.access.canManage(viewer, campaign.agencyId))) {
      throw new ForbiddenError('AGENCY_STAFF_ONLY');
    }
    return campaign;
  }

  /** Every idea of the campaign as a row of EXPORT_HEADERS.ideas. */
  ideaRows(campaign: CampaignEntity): AsyncGenerator<Cell[]> {
    return keysetPages(
      (after) => exportsRepository.ideas(this.database.dataSource, campaign.id, after, BATCH),
      (idea) => [
        toGlobalId('Idea', idea.id),
        idea.title,
        idea.status,
        idea.tag,
        idea.visibility === Visibility.HIDDEN,
        idea.hidden_reason,
        idea.author_name,
        idea.upvotes,
        idea.downvotes,
        idea.score,
        idea.comment_count,
        idea.created_at,
        idea.threshold_reached_at,
        idea.threshold_reached_at && campaign.responseDays !== null
          ? new Date(idea.threshold_reached_at.getTime() + campaign.responseDays * DAY_MS)
          : null,
        idea.responded_at,
        idea.answer_status,
        idea.answer_body,
        idea.answer_author,
        idea.answer_at,
      ],
      BATCH,
    );
  }

  /** Every official answer of the campaign as a row of EXPORT_HEADERS.answers. */
  answerRows(campaign: CampaignEntity): AsyncGenerator<Cell[]> {
    return keysetPages(
      (after) => exportsRepository.answers(this.database.dataSource, campaign.id, after, BATCH),
      (answer) => [
        toGlobalId('OfficialResponse', answer.id),
        toGlobalId('Idea', answer.idea_id),
        answer.idea_title,
        answer.created_at,
        answer.author_name,
        answer.previous_status,
        answer.status,
        answer.body,
      ],
      BATCH,
    );
  }
}
