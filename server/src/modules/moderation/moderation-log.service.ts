import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import type { ConnectionShape } from '../../common/graphql/connection.js';
import { listByTime } from '../../common/graphql/time-listing.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import type { AuditRow } from '../audit/audit.repository.js';

/** Entries with an actor (the log lists what people did). */
type ActedRow = AuditRow & { actor_id: string };

/**
 * The audit log, newest first: moderators and admins read all of it, officials their agencies' entries,
 * everyone else nothing. Entries made by the system itself (command line, demo data) have no person to
 * show as actor in the contract, so they are kept in the table but not listed here.
 */
@Injectable()
export class ModerationLogService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
  ) {}

  async list(
    viewer: RequestViewer,
    page: { first?: number | null; after?: string | null },
  ): Promise<ConnectionShape<ActedRow>> {
    const agencies = await this.access.moderationScope(viewer);
    return listByTime<ActedRow>(
      this.database.dataSource,
      {
        order: 'audit',
        select: '*',
        from: 'audit_log',
        where: 'actor_id IS NOT NULL AND ($1::uuid[] IS NULL OR agency_id = ANY($1::uuid[]))',
        params: [agencies],
        direction: 'DESC',
      },
      page,
    );
  }
}
