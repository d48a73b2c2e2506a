import type { AgencyRole } from '@consulta/shared';
import type { EntityManager } from 'typeorm';
import { run } from '../../database/sql.js';
import { AgencyEntity } from './agency.entity.js';

/** Every write to `agencies` and `agency_memberships` (owned by the agencies module). */
export class AgenciesRepository {
  insert(manager: EntityManager, agency: { name: string; slug: string; description: string | null }) {
    return manager.save(manager.create(AgencyEntity, agency));
  }

  /** Adds the person to the agency with the role, or changes their role there. */
  async setMembership(manager: EntityManager, agencyId: string, userId: string, role: AgencyRole): Promise<void> {
    await run(
      manager,
      `INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [agencyId, userId, role],
    );
  }
}

export const agenciesRepository = new AgenciesRepository();
