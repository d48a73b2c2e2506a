import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { IdeaObject, mapIdea } from '../ideas/idea.object.js';
import { FollowsService } from './follows.service.js';
import { viewerFollowsLoader } from './follows.loaders.js';

@Resolver(() => IdeaObject)
export class FollowsResolver {
  constructor(private readonly follows: FollowsService) {}

  @Mutation(() => IdeaObject, { description: 'Idempotent.' })
  async followIdea(@Args('ideaId', { type: () => ID }) ideaId: string, @Context() { viewer }: GraphQLContext) {
    return mapIdea(await this.follows.setFollowing(viewer, idOfType(ideaId, 'Idea'), true));
  }

  @Mutation(() => IdeaObject, { description: 'Idempotent.' })
  async unfollowIdea(@Args('ideaId', { type: () => ID }) ideaId: string, @Context() { viewer }: GraphQLContext) {
    return mapIdea(await this.follows.setFollowing(viewer, idOfType(ideaId, 'Idea'), false));
  }

  @ResolveField(() => Boolean)
  async viewerFollows(@Parent() idea: IdeaObject, @Context() context: GraphQLContext): Promise<boolean> {
    return viewerFollowsLoader(context, this.follows).load(idea.uuid);
  }
}
