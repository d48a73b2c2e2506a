import type { FlagStatus } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { pageSize, type ConnectionShape } from '../../common/graphql/connection.js';
import { listByTime } from '../../common/graphql/time-listing.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import type { FlagRow } from './flag.object.js';
import type { FlaggedContentRow } from './flagged-content.object.js';
import { flagsRepository, QUEUE_SELECT, type QueueRow } from './flags.repository.js';

/**
 * The review queue, oldest flag first: moderators and admins see every flag, officials the flags on their
 * agencies' campaigns, citizens none (FORBIDDEN). A flag is also visible to the person who made it.
 */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
  ) {}

  async list(
    viewer: RequestViewer,
    status: FlagStatus,
    page: { first?: number | null; after?: string | null },
  ): Promise<ConnectionShape<QueueRow>> {
    const agencies = await this.access.moderationScope(viewer);
    return listByTime<QueueRow>(
      this.database.dataSource,
      {
        order: 'queue',
        select: QUEUE_SELECT,
        from: 'flags f',
        alias: 'f.',
        where: 'f.status = $1 AND ($2::uuid[] IS NULL OR f.agency_id = ANY($2::uuid[]))',
        params: [status, agencies],
        direction: 'ASC',
      },
      page,
    );
  }

  /**
   * The queue grouped by content, the content flagged longest ago first: one entry per idea or comment
   * with flags in this status, in the viewer's scope.
   */
  async listByContent(
    viewer: RequestViewer,
    status: FlagStatus,
    page: { first?: number | null; after?: string | null },
  ): Promise<ConnectionShape<FlaggedContentRow>> {
    const agencies = await this.access.moderationScope(viewer);
    return listByTime<FlaggedContentRow>(
      this.database.dataSource,
      {
        order: 'queue-by-content',
        select: '*',
        from: `(SELECT f.target_id AS id, f.target_type, min(f.created_at) AS created_at,
                       max(f.created_at) AS last_flagged_at, count(*)::int AS flag_count
                  FROM flags f WHERE f.status = $1 AND ($2::uuid[] IS NULL OR f.agency_id = ANY($2::uuid[]))
                 GROUP BY f.target_id, f.target_type) g`,
        alias: 'g.',
        where: 'true',
        params: [status, agencies],
        direction: 'ASC',
      },
      page,
    );
  }

  /** The flags of many cards at once (a DataLoader's batch), oldest first. */
  flagsOf(targetIds: readonly string[], status: FlagStatus, first: number | null | undefined): Promise<FlagRow[]> {
    return flagsRepository.ofTargets(this.database.dataSource, targetIds, status, pageSize(first));
  }

  /** One flag for node(id): its reporter sees it, and whoever reviews its agency's flags. */
  async findVisible(viewer: RequestViewer, id: string): Promise<{ row: QueueRow; reviewer: boolean } | null> {
    const row = await flagsRepository.findWithOpenCount(this.database.dataSource, id);
    if (!row || !viewer.userId) return null;
    const reviewer = await this.access.canModerate(viewer, row.agency_id);
    return reviewer || row.reporter_id === viewer.userId ? { row, reviewer } : null;
  }
}
