import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { campaignLoader } from '../campaigns/campaigns.loaders.js';
import { userLoader } from '../users/users.loaders.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { acceptsContributions } from '../campaigns/campaign.entity.js';
import { CampaignObject, mapCampaign } from '../campaigns/campaign.object.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { UsersService } from '../users/users.service.js';
import { IdeaObject } from './idea.object.js';
import { editRefusal, withdrawRefusal } from './idea-rules.js';

/** An idea's campaign and author, batched per request. */
@Resolver(() => IdeaObject)
export class IdeaFieldsResolver {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => CampaignObject)
  async campaign(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<CampaignObject> {
    const loader = campaignLoader(context, this.campaigns);
    const campaign = await loader.load(idea.campaignId);
    if (!campaign) throw new NotFoundError('campaign');
    return mapCampaign(campaign);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'Null once the author’s account is deleted.' })
  async author(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<UserObject | null> {
    if (!idea.authorId) return null;
    const loader = userLoader(context, this.users);
    const user = await loader.load(idea.authorId);
    return user ? mapUser(user) : null;
  }

  /** The idea's campaign as the edit and withdraw rules read it, on the server's clock. */
  private async rulesInput(idea: IdeaObject, context: GraphQLContext) {
    const campaign = await campaignLoader(context, this.campaigns).load(idea.campaignId);
    if (!campaign) return null;
    const now = new Date();
    return { campaign, acceptance: { ...campaign, accepting: acceptsContributions(campaign, now), now } };
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may edit the idea now: its author, while it is submitted and the campaign open.',
  })
  async viewerCanEdit(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<boolean> {
    if (!context.viewer.userId || idea.authorId !== context.viewer.userId) return false;
    const input = await this.rulesInput(idea, context);
    return !!input && editRefusal(idea, input.acceptance) === null;
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may withdraw the idea now: its author, unless frozen.',
  })
  async viewerCanWithdraw(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<boolean> {
    if (!context.viewer.userId || idea.authorId !== context.viewer.userId) return false;
    const input = await this.rulesInput(idea, context);
    return !!input && withdrawRefusal(idea, input.campaign.status) === null;
  }
}
