import { IdeaSort, IdeaStatus, LIMITS } from '@consulta/shared';
import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection, type ConnectionShape } from '../../common/graphql/connection.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { CampaignObject } from '../campaigns/campaign.object.js';
import { SubmitIdeaInput, UpdateIdeaInput } from './dto/idea.inputs.js';
import { IdeaConnection, IdeaObject, mapIdea } from './idea.object.js';
import { IdeaQueriesService } from './idea-queries.service.js';
import { IdeasService } from './ideas.service.js';
import { SimilarIdeasService } from './similar-ideas.service.js';
import type { IdeaEntity } from './idea.entity.js';
import { presentListed } from './ideas.loaders.js';
import { UsersService } from '../users/users.service.js';

const ideaId = (id: string) => idOfType(id, 'Idea');
const mapPage = (page: ConnectionShape<IdeaEntity>) => mapConnection(page, mapIdea);

@Resolver(() => IdeaObject)
export class IdeasResolver implements OnModuleInit {
  constructor(
    private readonly ideas: IdeasService,
    private readonly queries: IdeaQueriesService,
    private readonly similar: SimilarIdeasService,
    private readonly campaigns: CampaignsService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Idea', async (id, viewer) => {
      const found = await this.ideas.findVisible(viewer, id);
      return found ? mapIdea(found.idea) : null;
    });
  }

  @Query(() => IdeaObject, { nullable: true })
  async idea(
    @Args('id', { type: () => ID }) id: string,
    @Context() { viewer }: GraphQLContext,
  ): Promise<IdeaObject | null> {
    const found = await this.ideas.findVisible(viewer, ideaId(id));
    return found ? mapIdea(found.idea) : null;
  }

  @Query(() => IdeaConnection, {
    description: 'Full-text search over visible ideas of every campaign, best match first.',
  })
  async searchIdeas(
    @Context() { viewer }: GraphQLContext,
    @Args('query') query: string,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const campaign = campaignId === undefined || campaignId === null ? undefined : idOfType(campaignId, 'Campaign');
    return mapPage(await this.queries.search(viewer, { query, campaignId: campaign, first, after }));
  }

  @Query(() => [IdeaObject], {
    description:
      'Visible ideas in the campaign whose title or body resembles the text (for duplicate hints while typing).',
  })
  async similarIdeas(
    @Context() { viewer }: GraphQLContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('text') text: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: LIMITS.search.similarDefault }) first?: number,
  ): Promise<IdeaObject[]> {
    const campaign = await this.campaigns.findVisible(viewer, { id: idOfType(campaignId, 'Campaign') });
    if (!campaign) throw new NotFoundError('campaign');
    return (await this.similar.similar(campaign.id, text, first)).map(mapIdea);
  }

  @Mutation(() => IdeaObject, { description: 'Signed-in, not suspended; the campaign must be OPEN.' })
  async submitIdea(@Args('input') input: SubmitIdeaInput, @Context() { viewer }: GraphQLContext) {
    const { campaignId, ...fields } = input;
    return mapIdea(await this.ideas.submitIdea(viewer, idOfType(campaignId, 'Campaign'), fields));
  }

  @Mutation(() => IdeaObject, {
    description: 'Author only, while the campaign is OPEN and the idea has no official response.',
  })
  async updateIdea(@Args('input') input: UpdateIdeaInput, @Context() { viewer }: GraphQLContext) {
    const { id, ...fields } = input;
    return mapIdea(await this.ideas.updateIdea(viewer, ideaId(id), fields));
  }

  @Mutation(() => IdeaObject, {
    description: 'Author only. The idea leaves default lists; its votes stop counting against budgets.',
  })
  async withdrawIdea(@Args('id', { type: () => ID }) id: string, @Context() { viewer }: GraphQLContext) {
    return mapIdea(await this.ideas.withdrawIdea(viewer, ideaId(id)));
  }
}

@Resolver(() => CampaignObject)
export class CampaignIdeasResolver {
  constructor(
    private readonly queries: IdeaQueriesService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => IdeaConnection)
  async ideas(
    @Parent() campaign: CampaignObject,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('sort', { type: () => IdeaSort, nullable: true, defaultValue: IdeaSort.TOP }) sort?: IdeaSort,
    @Args('status', { type: () => IdeaStatus, nullable: true }) status?: IdeaStatus,
    @Args('tag', { nullable: true }) tag?: string,
    @Args('search', { nullable: true }) search?: string,
  ) {
    const { userId: viewerId, readsFromPrimary } = context.viewer;
    const listedCount = campaign.ideaCount;
    const filter = { first, after, sort, status, tag, search, viewerId, readsFromPrimary, listedCount };
    return presentListed(context, this.queries, this.users, await this.queries.listForCampaign(campaign.uuid, filter));
  }
}
