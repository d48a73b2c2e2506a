import { IdeaStatus } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { DatabaseService } from '../../database/database.service.js';
import { run } from '../../database/sql.js';
import type { CampaignEntity } from '../campaigns/campaign.entity.js';

/** What the figures read of a campaign. */
export type AnalysedCampaign = Pick<
  CampaignEntity,
  'id' | 'agencyId' | 'opensAt' | 'closesAt' | 'createdAt' | 'responseThreshold' | 'responseDays'
>;
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { ResponsesService } from '../responses/responses.service.js';
import {
  analyticsRepository,
  type ActivityDayRow,
  type StatusCountRow,
  type TagActivityRow,
} from './analytics.repository.js';

export interface CampaignAnalytics {
  days: ActivityDayRow[];
  tags: TagActivityRow[];
  statuses: StatusCountRow[];
  owed: number;
  answeredInTime: number;
  answeredLate: number;
  waiting: number;
}

/** The statuses a listed idea can have, in the order they are shown. */
const LISTED_STATUSES = Object.values(IdeaStatus).filter((status) => status !== IdeaStatus.WITHDRAWN);

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The longest span of days one answer covers (about three years), so one request stays bounded. */
const MAX_DAYS = 1100;

/** Figures over time for the agency's members and site admins (the campaign's managers). */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
    private readonly responses: ResponsesService,
    private readonly clock: Clock,
  ) {}

  /** The figures being computed now, by campaign: requests that arrive meanwhile share them. */
  private readonly inFlight = new Map<string, Promise<CampaignAnalytics>>();

  /** Null for anyone who does not manage the campaign. */
  async forCampaign(viewer: RequestViewer, campaign: AnalysedCampaign): Promise<CampaignAnalytics | null> {
    if (!(await this.access.canManage(viewer, campaign.agencyId))) return null;
    let figures = this.inFlight.get(campaign.id);
    if (!figures) {
      figures = this.compute(campaign).finally(() => this.inFlight.delete(campaign.id));
      this.inFlight.set(campaign.id, figures);
    }
    return figures;
  }

  private async compute(campaign: AnalysedCampaign): Promise<CampaignAnalytics> {
    const executor = this.database.dataSource;
    const now = this.clock.now();
    const start = campaign.opensAt ?? campaign.createdAt;
    const end = campaign.closesAt && campaign.closesAt < now ? campaign.closesAt : now;
    const from = new Date(Math.max(start.getTime(), end.getTime() - MAX_DAYS * 86_400_000));
    const [days, tags, statuses, stats] = await Promise.all([
      // The (day, person) hash of a large campaign fits in memory with room to spare, instead of spilling.
      this.database.transaction(async (manager) => {
        await run(manager, "SET LOCAL work_mem = '64MB'");
        return analyticsRepository.days(manager, campaign.id, isoDate(from), isoDate(end < from ? from : end));
      }),
      analyticsRepository.tags(executor, campaign.id),
      analyticsRepository.statuses(executor, campaign.id),
      this.responses.stats({
        uuid: campaign.id,
        responseThreshold: campaign.responseThreshold,
        responseDays: campaign.responseDays,
      }),
    ]);
    const byStatus = new Map(statuses.map((row) => [row.status, row.ideas]));
    return {
      days,
      tags,
      statuses: LISTED_STATUSES.map((status) => ({ status, ideas: byStatus.get(status) ?? 0 })),
      owed: stats.owed,
      answeredInTime: stats.answeredInTime,
      answeredLate: stats.answeredLate,
      waiting: stats.awaiting,
    };
  }
}
