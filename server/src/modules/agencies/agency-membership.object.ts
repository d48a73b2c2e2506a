import { AgencyRole } from '@consulta/shared';
import { Field, ObjectType } from '@nestjs/graphql';
import type { AgencyMembershipEntity } from './agency-membership.entity.js';

@ObjectType('AgencyMembership')
export class AgencyMembershipObject {
  @Field(() => AgencyRole)
  role: AgencyRole;

  agencyId: string;
  userId: string;
}

export function mapMembership(membership: AgencyMembershipEntity): AgencyMembershipObject {
  return Object.assign(new AgencyMembershipObject(), {
    role: membership.role,
    agencyId: membership.agencyId,
    userId: membership.userId,
  });
}
