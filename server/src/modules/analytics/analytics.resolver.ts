import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { CampaignObject } from '../campaigns/campaign.object.js';
import { AnalyticsService } from './analytics.service.js';
import { CampaignAnalyticsObject } from './campaign-analytics.object.js';

@Resolver(() => CampaignObject)
export class CampaignAnalyticsResolver {
  constructor(private readonly figures: AnalyticsService) {}

  @ResolveField(() => CampaignAnalyticsObject, {
    nullable: true,
    description: "Figures over time for the agency's members and site admins; null for everyone else.",
  })
  async analytics(
    @Parent() campaign: CampaignObject,
    @Context() context: GraphQLContext,
  ): Promise<CampaignAnalyticsObject | null> {
    return this.figures.forCampaign(context.viewer, { ...campaign, id: campaign.uuid });
  }
}
