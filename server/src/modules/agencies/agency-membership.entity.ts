import { AgencyRole } from '@consulta/shared';

/** A person's role in an agency: an `agency_memberships` row as mapped once (agencies.repository.ts). */
export class AgencyMembershipEntity {
  agencyId: string;
  userId: string;
  role: AgencyRole;
  createdAt: Date;
}
