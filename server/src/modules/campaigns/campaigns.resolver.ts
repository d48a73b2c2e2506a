import type { CampaignEntity } from './campaign.entity.js';
import { CampaignStatus } from '@consulta/shared';
import { agencyLoader } from '../agencies/agencies.loaders.js';
import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection, type ConnectionShape } from '../../common/graphql/connection.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { AgencyObject, mapAgency } from '../agencies/agency.object.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { CampaignConnection, CampaignObject, mapCampaign } from './campaign.object.js';
import { CampaignQueriesService } from './campaign-queries.service.js';
import { CampaignsService } from './campaigns.service.js';
import { CreateCampaignInput, UpdateCampaignInput } from './dto/campaign.inputs.js';

const campaignId = (id: string) => idOfType(id, 'Campaign');
const mapPage = (page: ConnectionShape<CampaignEntity>) => mapConnection(page, mapCampaign);

@Resolver(() => CampaignObject)
export class CampaignsResolver implements OnModuleInit {
  constructor(
    private readonly service: CampaignsService,
    private readonly queries: CampaignQueriesService,
    private readonly agencies: AgenciesService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Campaign', async (id, viewer) => {
      const campaign = await this.service.findVisible(viewer, { id });
      return campaign ? mapCampaign(campaign) : null;
    });
  }

  @Query(() => CampaignConnection, { description: 'Campaigns, newest first. Drafts only for their agency and admins.' })
  async campaigns(
    @Context() { viewer }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('status', { type: () => CampaignStatus, nullable: true }) status?: CampaignStatus,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId?: string,
    @Args('statuses', {
      type: () => [CampaignStatus],
      nullable: true,
      description: 'Any of these statuses (as people see them); with status, both must match.',
    })
    statuses?: CampaignStatus[],
  ) {
    const agency = agencyId === undefined || agencyId === null ? undefined : idOfType(agencyId, 'Agency');
    return mapPage(await this.queries.list(viewer, { first, after, status, statuses, agencyId: agency }));
  }

  @Query(() => CampaignObject, {
    nullable: true,
    description: 'A campaign by ID or slug, or null if it is not visible.',
  })
  async campaign(
    @Context() { viewer }: GraphQLContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { nullable: true }) slug?: string,
  ): Promise<CampaignObject | null> {
    if (id !== undefined && id !== null && !campaignId(id)) return null;
    const found = await this.service.findVisibleForRead(viewer, {
      id: id ? campaignId(id) : null,
      slug: slug ?? null,
    });
    return found ? mapCampaign(found) : null;
  }

  @ResolveField(() => AgencyObject)
  async agency(@Parent() campaign: CampaignObject, @Context() context: GraphQLContext): Promise<AgencyObject> {
    const loader = agencyLoader(context, this.agencies);
    const agency = await loader.load(campaign.agencyId);
    if (!agency) throw new NotFoundError('agency');
    return mapAgency(agency);
  }

  @Mutation(() => CampaignObject, {
    description: 'Members of the agency (OFFICIAL or AGENCY_ADMIN) only. Starts as DRAFT.',
  })
  async createCampaign(@Args('input') input: CreateCampaignInput, @Context() { viewer }: GraphQLContext) {
    const { agencyId, ...fields } = input;
    return mapCampaign(await this.service.createCampaign(viewer, idOfType(agencyId, 'Agency'), fields));
  }

  @Mutation(() => CampaignObject)
  async updateCampaign(@Args('input') input: UpdateCampaignInput, @Context() { viewer }: GraphQLContext) {
    const { id, ...fields } = input;
    return mapCampaign(await this.service.updateCampaign(viewer, campaignId(id), fields));
  }

  @Mutation(() => CampaignObject, { description: 'DRAFT or CLOSED to OPEN.' })
  async openCampaign(@Args('id', { type: () => ID }) id: string, @Context() { viewer }: GraphQLContext) {
    const open = [CampaignStatus.DRAFT, CampaignStatus.CLOSED];
    return mapCampaign(await this.service.transition(viewer, campaignId(id), CampaignStatus.OPEN, open));
  }

  @Mutation(() => CampaignObject, { description: 'OPEN to CLOSED: no more ideas or votes.' })
  async closeCampaign(@Args('id', { type: () => ID }) id: string, @Context() { viewer }: GraphQLContext) {
    return mapCampaign(
      await this.service.transition(viewer, campaignId(id), CampaignStatus.CLOSED, [CampaignStatus.OPEN]),
    );
  }

  @Mutation(() => CampaignObject, {
    description: 'CLOSED to ARCHIVED: finished, kept for the record, no longer changed.',
  })
  async archiveCampaign(@Args('id', { type: () => ID }) id: string, @Context() { viewer }: GraphQLContext) {
    const from = [CampaignStatus.CLOSED];
    return mapCampaign(await this.service.transition(viewer, campaignId(id), CampaignStatus.ARCHIVED, from));
  }
}

@Resolver(() => AgencyObject)
export class AgencyCampaignsResolver {
  constructor(private readonly queries: CampaignQueriesService) {}

  @ResolveField(() => CampaignConnection)
  async campaigns(
    @Parent() agency: AgencyObject,
    @Context() { viewer }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('status', { type: () => CampaignStatus, nullable: true }) status?: CampaignStatus,
  ) {
    return mapPage(await this.queries.list(viewer, { first, after, status, agencyId: agency.uuid }));
  }
}
