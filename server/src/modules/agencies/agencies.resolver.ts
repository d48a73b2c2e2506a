import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { OnModuleInit } from '@nestjs/common';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { AgencyMembershipObject, mapMembership } from './agency-membership.object.js';
import { AgencyObject, mapAgency } from './agency.object.js';
import { AgenciesService } from './agencies.service.js';
import { membersOfAgencyLoader } from './agencies.loaders.js';
import { AddAgencyMemberInput, CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs.js';

@Resolver(() => AgencyObject)
export class AgenciesResolver implements OnModuleInit {
  constructor(
    private readonly service: AgenciesService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Agency', async (id) => {
      const agency = await this.service.findById(id);
      return agency ? mapAgency(agency) : null;
    });
  }

  @Query(() => [AgencyObject], { description: 'Every agency, by name.' })
  async agencies(): Promise<AgencyObject[]> {
    return (await this.service.list()).map(mapAgency);
  }

  @ResolveField(() => [AgencyMembershipObject])
  async members(@Parent() agency: AgencyObject, @Context() context: GraphQLContext): Promise<AgencyMembershipObject[]> {
    return (await membersOfAgencyLoader(context, this.service).load(agency.uuid)).map(mapMembership);
  }

  @Mutation(() => AgencyObject, { description: 'ADMIN only.' })
  async createAgency(@Args('input') input: CreateAgencyInput, @Context() { viewer }: GraphQLContext) {
    return mapAgency(await this.service.createAgency(viewer, input));
  }

  @Mutation(() => AgencyMembershipObject, {
    description: "ADMIN or that agency's AGENCY_ADMIN. The person must already have an account.",
  })
  async addAgencyMember(@Args('input') input: AddAgencyMemberInput, @Context() { viewer }: GraphQLContext) {
    const membership = await this.service.addMember(viewer, { ...input, agencyId: idOfType(input.agencyId, 'Agency') });
    return mapMembership(membership);
  }

  @Mutation(() => AgencyObject, { description: "ADMIN or that agency's AGENCY_ADMIN: its name and description." })
  async updateAgency(@Args('input') input: UpdateAgencyInput, @Context() { viewer }: GraphQLContext) {
    return mapAgency(await this.service.updateAgency(viewer, { ...input, id: idOfType(input.id, 'Agency') }));
  }

  @Mutation(() => AgencyObject, {
    description: "ADMIN or that agency's AGENCY_ADMIN. CONFLICT for the agency's last AGENCY_ADMIN.",
  })
  async removeAgencyMember(
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Context() { viewer }: GraphQLContext,
  ) {
    return mapAgency(await this.service.removeMember(viewer, idOfType(agencyId, 'Agency'), idOfType(userId, 'User')));
  }
}
