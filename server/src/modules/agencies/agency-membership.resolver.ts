import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { ViewerObject } from '../users/viewer.object.js';
import { AgencyMembershipObject, mapMembership } from './agency-membership.object.js';
import { AgencyObject, mapAgency } from './agency.object.js';
import { AgencyLoaders } from './agency.loaders.js';

@Resolver(() => AgencyMembershipObject)
export class AgencyMembershipResolver {
  constructor(private readonly loaders: AgencyLoaders) {}

  @ResolveField(() => AgencyObject)
  async agency(
    @Parent() membership: AgencyMembershipObject,
    @Context() context: GraphQLContext,
  ): Promise<AgencyObject> {
    const agency = await this.loaders.agency(context).load(membership.agencyId);
    if (!agency) throw new NotFoundError('agency');
    return mapAgency(agency);
  }

  @ResolveField(() => UserObject)
  async user(@Parent() membership: AgencyMembershipObject, @Context() context: GraphQLContext): Promise<UserObject> {
    const user = await this.loaders.user(context).load(membership.userId);
    if (!user) throw new NotFoundError('user');
    return mapUser(user);
  }
}

@Resolver(() => ViewerObject)
export class ViewerMembershipsResolver {
  constructor(private readonly loaders: AgencyLoaders) {}

  @ResolveField(() => [AgencyMembershipObject])
  async memberships(@Parent() viewer: ViewerObject, @Context() context: GraphQLContext) {
    return (await this.loaders.membershipsOfUser(context).load(viewer.uuid)).map(mapMembership);
  }
}
