import { Visibility } from '@consulta/shared';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { CampaignObject } from '../campaigns/campaign.object.js';
import { IdeaObject, mapIdea } from '../ideas/idea.object.js';
import { IdeaQueriesService } from '../ideas/idea-queries.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { presentIdea, viewerVoteLoader } from '../ideas/ideas.loaders.js';
import { VotesService } from './votes.service.js';
import { CastVoteInput } from './dto/cast-vote.input.js';
import { votesRemainingLoader } from './votes.loaders.js';

@Resolver(() => IdeaObject)
export class VotesResolver {
  constructor(
    private readonly votes: VotesService,
    private readonly queries: IdeaQueriesService,
    private readonly ideas: IdeasService,
  ) {}

  @Mutation(() => IdeaObject, {
    description:
      'Idempotent for the same value; a different value replaces the viewer’s vote. CONFLICT when the campaign is not OPEN or the vote budget is spent.',
  })
  async castVote(@Args('input') input: CastVoteInput, @Context() context: GraphQLContext) {
    const idea = await this.votes.castVote(context.viewer, idOfType(input.ideaId, 'Idea'), input.value);
    // The viewer's vote is now the one they cast: no need to read it back.
    viewerVoteLoader(context, this.queries).prime(idea.id, input.value);
    return mapIdea(idea);
  }

  @Mutation(() => IdeaObject)
  async retractVote(@Args('ideaId', { type: () => ID }) ideaId: string, @Context() context: GraphQLContext) {
    const idea = await this.votes.retractVote(context.viewer, idOfType(ideaId, 'Idea'));
    viewerVoteLoader(context, this.queries).prime(idea.id, null);
    // A vote may be taken back from a hidden idea: the voter then sees it as anyone may.
    if (idea.visibility === Visibility.VISIBLE) return mapIdea(idea);
    const shown = await presentIdea(context, this.ideas, idea.id);
    if (!shown) throw new NotFoundError('idea');
    return shown;
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: '1, -1, or null when the viewer has not voted or is signed out.',
  })
  async viewerVote(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<number | null> {
    if (!context.viewer.userId) return null;
    return viewerVoteLoader(context, this.queries).load(idea.uuid);
  }
}

@Resolver(() => CampaignObject)
export class CampaignVotesResolver {
  constructor(private readonly votes: VotesService) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Votes the viewer may still cast; null when unlimited or signed out.',
  })
  async viewerVotesRemaining(
    @Parent() campaign: CampaignObject,
    @Context() context: GraphQLContext,
  ): Promise<number | null> {
    if (campaign.voteBudget === null) return null;
    return votesRemainingLoader(context, this.votes).load(campaign.uuid);
  }
}
