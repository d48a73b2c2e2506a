import { Role } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requireSignedIn } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../common/graphql/connection.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import type { AuditRow } from './moderation-action.object.js';

const ORDER = 'audit';

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
  ): Promise<ConnectionShape<AuditRow>> {
    requireSignedIn(viewer);
    let agencies: string[] | null = null;
    if (viewer.role !== Role.MODERATOR && viewer.role !== Role.ADMIN) {
      agencies = [...(await this.access.agencyIdsOf(viewer))];
      if (agencies.length === 0) throw new ForbiddenError('Only moderators, admins and officials read the log.');
    }
    const size = pageSize(page.first);
    const cursor = decodeCursor(page.after, ORDER, 2);
    const where = 'actor_id IS NOT NULL AND ($1::uuid[] IS NULL OR agency_id = ANY($1::uuid[]))';
    const rows: AuditRow[] = await this.database.dataSource.query(
      `SELECT * FROM audit_log WHERE ${where}
          AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [agencies, cursor?.[0] ?? null, cursor?.[1] ?? null, size + 1],
    );
    const count = async () =>
      (await this.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`, [agencies]))[0]
        .n;
    return toConnection(
      rows,
      size,
      (row) => encodeCursor(ORDER, [new Date(row.created_at).toISOString(), row.id]),
      (row) => row,
      count,
      cursor !== null,
    );
  }
}
