import { presentIdea } from '../ideas/ideas.loaders.js';
import { campaignLoader } from '../campaigns/campaigns.loaders.js';
import { agencyLoader } from '../agencies/agencies.loaders.js';
import { userLoader } from '../users/users.loaders.js';
import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, GraphQLISODateTime, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection } from '../../common/graphql/connection.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { AgencyObject, mapAgency } from '../agencies/agency.object.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { CampaignObject } from '../campaigns/campaign.object.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { IdeaConnection, IdeaObject, mapIdea } from '../ideas/idea.object.js';
import { IdeaQueriesService } from '../ideas/idea-queries.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { UsersService } from '../users/users.service.js';
import { PostOfficialResponseInput } from './dto/post-official-response.input.js';
import { mapResponse, OfficialResponseObject } from './official-response.object.js';
import { ResponsesService } from './responses.service.js';
import { ResponseStatsObject } from './response-stats.object.js';
import { OwedListArgs } from './dto/owed-list.args.js';
import { responsesOfIdeaLoader } from './responses.loaders.js';
import { owesAnswer, responseDueAt } from './response-clock.js';

@Resolver(() => OfficialResponseObject)
export class ResponsesResolver implements OnModuleInit {
  constructor(
    private readonly responses: ResponsesService,
    private readonly ideas: IdeasService,
    private readonly users: UsersService,
    private readonly agencies: AgenciesService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('OfficialResponse', async (id, viewer) => {
      const row = await this.responses.findVisible(viewer, id);
      return row ? mapResponse(row) : null;
    });
  }

  @Mutation(() => OfficialResponseObject, {
    description: "Members of the campaign's agency only. Sets the idea's status.",
  })
  async postOfficialResponse(@Args('input') input: PostOfficialResponseInput, @Context() { viewer }: GraphQLContext) {
    const { response } = await this.responses.postOfficialResponse(viewer, {
      ideaId: idOfType(input.ideaId, 'Idea'),
      body: input.body,
      status: input.status,
      duplicateOfId: input.duplicateOfId ? idOfType(input.duplicateOfId, 'Idea') : null,
    });
    return mapResponse(response);
  }

  @ResolveField(() => IdeaObject)
  async idea(@Parent() response: OfficialResponseObject, @Context() context: GraphQLContext): Promise<IdeaObject> {
    const idea = await presentIdea(context, this.ideas, response.ideaId);
    if (!idea) throw new NotFoundError('idea');
    return idea;
  }

  @ResolveField(() => UserObject)
  async author(@Parent() response: OfficialResponseObject, @Context() context: GraphQLContext): Promise<UserObject> {
    const loader = userLoader(context, this.users);
    const user = await loader.load(response.authorId);
    if (!user) throw new NotFoundError('user');
    return mapUser(user);
  }

  @ResolveField(() => AgencyObject, { description: 'The agency that answered: the response is signed by it.' })
  async agency(@Parent() response: OfficialResponseObject, @Context() context: GraphQLContext): Promise<AgencyObject> {
    const loader = agencyLoader(context, this.agencies);
    const agency = await loader.load(response.agencyId);
    if (!agency) throw new NotFoundError('agency');
    return mapAgency(agency);
  }
}

@Resolver(() => IdeaObject)
export class IdeaResponsesResolver {
  constructor(
    private readonly responses: ResponsesService,
    private readonly ideas: IdeasService,
    private readonly campaigns: CampaignsService,
    private readonly clock: Clock,
  ) {}

  @ResolveField('responses', () => [OfficialResponseObject], { description: 'Official responses, newest last.' })
  async responsesOf(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<OfficialResponseObject[]> {
    return (await responsesOfIdeaLoader(context, this.responses).load(idea.uuid)).map(mapResponse);
  }

  @ResolveField(() => IdeaObject, {
    nullable: true,
    description: 'The original, when an official response marked this a duplicate.',
  })
  async duplicateOf(@Parent() idea: IdeaObject, @Context() { viewer }: GraphQLContext): Promise<IdeaObject | null> {
    if (!idea.duplicateOfId) return null;
    const found = await this.ideas.findVisible(viewer, idea.duplicateOfId);
    return found ? mapIdea(found.idea) : null;
  }

  @ResolveField(() => Boolean, {
    description: "True when score >= the campaign's responseThreshold and no response exists.",
  })
  async awaitingResponse(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<boolean> {
    const campaign = await campaignLoader(context, this.campaigns).load(idea.campaignId);
    return campaign ? owesAnswer(idea, campaign) : false;
  }

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description: "When the answer is due (threshold reached + the campaign's responseDays); null when nothing is owed.",
  })
  async responseDueAt(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<Date | null> {
    const campaign = await campaignLoader(context, this.campaigns).load(idea.campaignId);
    return campaign ? responseDueAt(idea, campaign) : null;
  }

  @ResolveField(() => Boolean, {
    description: "True when responseDueAt has passed on the server's clock and the idea is still not answered.",
  })
  async responseOverdue(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<boolean> {
    const due = await this.responseDueAt(idea, context);
    return due !== null && due < this.clock.now();
  }
}

@Resolver(() => CampaignObject)
export class CampaignResponsesResolver {
  constructor(
    private readonly responses: ResponsesService,
    private readonly queries: IdeaQueriesService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => IdeaConnection, {
    description: 'Ideas at or past responseThreshold with no official response yet, longest waiting first.',
  })
  async ideasAwaitingResponse(@Parent() campaign: CampaignObject, @Args() filter: OwedListArgs) {
    // Without a threshold nothing is owed: no idea has a threshold time, so the list is empty.
    const threshold = campaign.responseThreshold ?? Number.MAX_SAFE_INTEGER;
    return mapConnection(await this.queries.awaitingResponse(campaign.uuid, threshold, filter), mapIdea);
  }

  @ResolveField(() => IdeaConnection, {
    description: 'Ideas owed an answer whose responseDays have run out, longest overdue first.',
  })
  async ideasOverdue(@Parent() campaign: CampaignObject, @Args() filter: OwedListArgs) {
    // Without a threshold or a commitment nothing falls due: the list is empty (still paged and validated).
    const threshold = campaign.responseThreshold ?? Number.MAX_SAFE_INTEGER;
    const days = campaign.responseDays ?? 100_000;
    const page = await this.queries.overdue(campaign.uuid, threshold, days, this.clock.now(), filter);
    return mapConnection(page, mapIdea);
  }

  @ResolveField(() => ResponseStatsObject)
  async responseStats(@Parent() campaign: CampaignObject): Promise<ResponseStatsObject> {
    return Object.assign(new ResponseStatsObject(), await this.responses.stats(campaign));
  }
}
