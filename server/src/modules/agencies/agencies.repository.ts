import type { AgencyRole } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';
import { AgencyMembershipEntity } from './agency-membership.entity.js';
import { AgencyEntity } from './agency.entity.js';

interface AgencyRow {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  created_at: Date;
}

interface MembershipRow {
  agency_id: string;
  user_id: string;
  role: AgencyRole;
  created_at: Date;
}

const AGENCY_COLUMNS = 'id, name, slug, description, created_at';
const MEMBERSHIP_COLUMNS = 'agency_id, user_id, role, created_at';

/** The one mapping of `agencies`. */
function agencyFromRow(row: AgencyRow): AgencyEntity {
  return Object.assign(new AgencyEntity(), {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    createdAt: row.created_at,
  });
}

/** The one mapping of `agency_memberships`. */
function membershipFromRow(row: MembershipRow): AgencyMembershipEntity {
  return Object.assign(new AgencyMembershipEntity(), {
    agencyId: row.agency_id,
    userId: row.user_id,
    role: row.role,
    createdAt: row.created_at,
  });
}

const agencies = async (executor: Executor, where: string, params: unknown[]) =>
  (await rows<AgencyRow>(executor, `SELECT ${AGENCY_COLUMNS} FROM agencies ${where}`, params)).map(agencyFromRow);

const memberships = async (executor: Executor, where: string, params: unknown[]) =>
  (
    await rows<MembershipRow>(
      executor,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM agency_memberships ${where} ORDER BY created_at, agency_id, user_id`,
      params,
    )
  ).map(membershipFromRow);

/** Every statement on `agencies` and `agency_memberships` (owned by the agencies module). */
export class AgenciesRepository {
  list(executor: Executor): Promise<AgencyEntity[]> {
    return agencies(executor, 'ORDER BY name', []);
  }

  findByIds(executor: Executor, ids: readonly string[]): Promise<AgencyEntity[]> {
    return agencies(executor, 'WHERE id = ANY($1)', [ids]);
  }

  async findBySlug(executor: Executor, slug: string): Promise<AgencyEntity | null> {
    return (await agencies(executor, 'WHERE slug = $1', [slug]))[0] ?? null;
  }

  async insert(
    executor: Executor,
    agency: { name: string; slug: string; description: string | null },
  ): Promise<AgencyEntity> {
    const row = await one<AgencyRow>(
      executor,
      `INSERT INTO agencies (name, slug, description) VALUES ($1, $2, $3) RETURNING ${AGENCY_COLUMNS}`,
      [agency.name, agency.slug, agency.description],
    );
    return agencyFromRow(row!);
  }

  membershipsOfUsers(executor: Executor, userIds: readonly string[]): Promise<AgencyMembershipEntity[]> {
    return memberships(executor, 'WHERE user_id = ANY($1)', [userIds]);
  }

  membershipsOfAgencies(executor: Executor, agencyIds: readonly string[]): Promise<AgencyMembershipEntity[]> {
    return memberships(executor, 'WHERE agency_id = ANY($1)', [agencyIds]);
  }

  /** The person's membership of the agency, or null; `lock` holds it for the rest of the transaction. */
  async membership(
    executor: Executor,
    agencyId: string,
    userId: string,
    lock = false,
  ): Promise<AgencyMembershipEntity | null> {
    const found = await rows<MembershipRow>(
      executor,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM agency_memberships WHERE agency_id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [agencyId, userId],
    );
    return found[0] ? membershipFromRow(found[0]) : null;
  }

  /** The ids of the agencies the person works for. */
  async agencyIdsOf(executor: Executor, userId: string): Promise<string[]> {
    const found = await rows<{ agency_id: string }>(
      executor,
      'SELECT agency_id FROM agency_memberships WHERE user_id = $1',
      [userId],
    );
    return found.map((row) => row.agency_id);
  }

  /** Adds the person to the agency with the role, or changes their role there; the membership as it stands. */
  async setMembership(
    executor: Executor,
    agencyId: string,
    userId: string,
    role: AgencyRole,
  ): Promise<AgencyMembershipEntity> {
    const row = await one<MembershipRow>(
      executor,
      `INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, user_id) DO UPDATE SET role = EXCLUDED.role
       RETURNING ${MEMBERSHIP_COLUMNS}`,
      [agencyId, userId, role],
    );
    return membershipFromRow(row!);
  }

  async update(executor: Executor, id: string, fields: { name: string; description: string | null }) {
    const row = await one<AgencyRow>(
      executor,
      `UPDATE agencies SET name = $2, description = $3 WHERE id = $1 RETURNING ${AGENCY_COLUMNS}`,
      [id, fields.name, fields.description],
    );
    return agencyFromRow(row!);
  }

  /** The agency's memberships, locked for the rest of the transaction (so two removals cannot both pass). */
  lockMembers(executor: Executor, agencyId: string): Promise<AgencyMembershipEntity[]> {
    return rows<MembershipRow>(
      executor,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM agency_memberships WHERE agency_id = $1 ORDER BY user_id FOR UPDATE`,
      [agencyId],
    ).then((found) => found.map(membershipFromRow));
  }

  async removeMembership(executor: Executor, agencyId: string, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM agency_memberships WHERE agency_id = $1 AND user_id = $2', [agencyId, userId]);
  }

  /** A deleted account works for no agency. */
  async removeMemberships(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM agency_memberships WHERE user_id = $1', [userId]);
  }
}

export const agenciesRepository = new AgenciesRepository();
