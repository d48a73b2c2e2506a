import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { OnModuleInit } from '@nestjs/common';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { AgencyMembershipObject, mapMembership } from './agency-membership.object.js';
import { AgencyObject, mapAgency } from './agency.object.js';
import { AgenciesService } from './agencies.service.js';
import { membersOfAgencyLoader } from './agencies.loaders.js';
import { AddAgencyMemberInput, CreateAgencyInput } from './dto/agency.inputs.js';

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
}
