import type { Role } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requireSignedIn } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import { mapConnection, type ConnectionShape } from '../../common/graphql/connection.js';
import { listByTime } from '../../common/graphql/time-listing.js';
import { DatabaseService } from '../../database/database.service.js';
import { accountVisibility } from './account-visibility.js';
import type { UserEntity } from './user.entity.js';
import { userFromRow, type UserRow } from './users.repository.js';

export interface PeopleFilter {
  first?: number | null;
  after?: string | null;
  /** Words of the name (and, for admins, of the address). */
  search?: string | null;
  role?: Role | null;
  /** Only people suspended now. */
  suspended?: boolean | null;
}

/** The people list of the back office: newest account first, deleted accounts left out. */
@Injectable()
export class PeopleService {
  constructor(private readonly database: DatabaseService) {}

  async list(viewer: RequestViewer, filter: PeopleFilter): Promise<ConnectionShape<UserEntity>> {
    requireSignedIn(viewer);
    if (!accountVisibility.people(viewer))
      throw new ForbiddenError('ROLE_REQUIRED', { required: 'MODERATOR,ADMIN', role: viewer.role ?? 'CITIZEN' });
    const words = filter.search?.trim().slice(0, 100) || null;
    const pattern = words ? `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const page = await listByTime<UserRow>(
      this.database.dataSource,
      {
        order: 'people',
        select: '*',
        from: 'users',
        where: `deleted_at IS NULL
          AND ($1::text IS NULL OR display_name ILIKE $1 OR ($2::boolean AND email::text ILIKE $1))
          AND ($3::text IS NULL OR role = $3) AND (NOT $4::boolean OR suspended_until > now())`,
        params: [pattern, accountVisibility.contact(viewer), filter.role ?? null, filter.suspended === true],
        direction: 'DESC',
      },
      filter,
    );
    return mapConnection(page, userFromRow);
  }
}
