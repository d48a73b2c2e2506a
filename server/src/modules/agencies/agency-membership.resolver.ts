import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { ViewerObject } from '../users/viewer.object.js';
import { AgencyMembershipObject, mapMembership } from './agency-membership.object.js';
import { AgencyObject, mapAgency } from './agency.object.js';
import { UsersService } from '../users/users.service.js';
import { userLoader } from '../users/users.loaders.js';
import { AgenciesService } from './agencies.service.js';
import { agencyLoader, membershipsOfUserLoader } from './agencies.loaders.js';

@Resolver(() => AgencyMembershipObject)
export class AgencyMembershipResolver {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => AgencyObject)
  async agency(
    @Parent() membership: AgencyMembershipObject,
    @Context() context: GraphQLContext,
  ): Promise<AgencyObject> {
    const agency = await agencyLoader(context, this.agencies).load(membership.agencyId);
    if (!agency) throw new NotFoundError('agency');
    return mapAgency(agency);
  }

  @ResolveField(() => UserObject)
  async user(@Parent() membership: AgencyMembershipObject, @Context() context: GraphQLContext): Promise<UserObject> {
    const user = await userLoader(context, this.users).load(membership.userId);
    if (!user) throw new NotFoundError('user');
    return mapUser(user);
  }
}

@Resolver(() => ViewerObject)
export class ViewerMembershipsResolver {
  constructor(private readonly agencies: AgenciesService) {}

  @ResolveField(() => [AgencyMembershipObject])
  async memberships(@Parent() viewer: ViewerObject, @Context() context: GraphQLContext) {
    return (await membershipsOfUserLoader(context, this.agencies).load(viewer.uuid)).map(mapMembership);
  }
}
