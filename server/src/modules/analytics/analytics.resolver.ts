import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { campaignLoader } from '../campaigns/campaigns.loaders.js';
import { CampaignObject } from '../campaigns/campaign.object.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { AnalyticsService } from './analytics.service.js';
import { CampaignAnalyticsObject } from './campaign-analytics.object.js';

@Resolver(() => CampaignObject)
export class CampaignAnalyticsResolver {
  constructor(
    private readonly figures: AnalyticsService,
    private readonly campaigns: CampaignsService,
  ) {}

  @ResolveField(() => CampaignAnalyticsObject, {
    nullable: true,
    description: "Figures over time for the agency's members and site admins; null for everyone else.",
  })
  async analytics(
    @Parent() campaign: CampaignObject,
    @Context() context: GraphQLContext,
  ): Promise<CampaignAnalyticsObject | null> {
    const entity = await campaignLoader(context, this.campaigns).load(campaign.uuid);
    return entity ? this.figures.forCampaign(context.viewer, entity) : null;
  }
}
