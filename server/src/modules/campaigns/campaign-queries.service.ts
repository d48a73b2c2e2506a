import { CampaignStatus } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../common/graphql/connection.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignAccessService } from './campaign-access.service.js';
import { CampaignEntity, EFFECTIVE_STATUS_SQL } from './campaign.entity.js';

export interface CampaignFilter {
  first?: number | null;
  after?: string | null;
  status?: CampaignStatus | null;
  /** undefined: every agency; null: an agency ID that matched nothing. */
  agencyId?: string | null;
}

const ORDER = 'campaigns-new';

/** Campaign lists, newest first, with drafts only for those who may see them. */
@Injectable()
export class CampaignQueriesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
  ) {}

  async list(viewer: RequestViewer, filter: CampaignFilter): Promise<ConnectionShape<CampaignEntity>> {
    const size = pageSize(filter.first);
    const cursor = decodeCursor(filter.after, ORDER, ['timestamptz', 'uuid']);
    const drafts = await this.access.draftFilter(viewer);
    const base = () => {
      const query = this.database.manager.createQueryBuilder(CampaignEntity, 'c').where(drafts.where, drafts.params);
      if (filter.status) query.andWhere(`${EFFECTIVE_STATUS_SQL('c')} = :status`, { status: filter.status });
      if (filter.agencyId !== undefined) query.andWhere('c.agency_id = :agencyId', { agencyId: filter.agencyId });
      return query;
    };
    const page = base();
    if (cursor) {
      page.andWhere('(c.created_at, c.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', {
        createdAt: cursor[0],
        id: cursor[1],
      });
    }
    const rows = await page
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toConnection(
      rows,
      size,
      (row) => encodeCursor(ORDER, [row.createdAt.toISOString(), row.id]),
      (row) => row,
      () => base().getCount(),
      cursor !== null,
    );
  }
}
