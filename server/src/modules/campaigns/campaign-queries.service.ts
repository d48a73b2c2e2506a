import type { CampaignStatus } from '@consulta/shared';
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
import type { CampaignEntity } from './campaign.entity.js';
import { campaignsRepository } from './campaigns.repository.js';

export interface CampaignFilter {
  first?: number | null;
  after?: string | null;
  status?: CampaignStatus | null;
  statuses?: CampaignStatus[] | null;
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
    const listFilter = {
      draftsOf: await this.access.draftsOf(viewer),
      status: filter.status,
      statuses: filter.statuses,
      agencyId: filter.agencyId,
    };
    const db = this.database.reader(viewer);
    const rows = await campaignsRepository.list(db, listFilter, cursor as [string, string] | null, size + 1);
    return toConnection(
      rows,
      size,
      (row) => encodeCursor(ORDER, [row.createdAt.toISOString(), row.id]),
      (row) => row,
      () => campaignsRepository.count(db, listFilter),
      cursor !== null,
    );
  }
}
