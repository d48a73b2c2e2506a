import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mapConnection } from '../../common/graphql/connection.js';
import { ViewerObject } from '../users/viewer.object.js';
import { IdeaConnection, mapIdea } from './idea.object.js';
import { IdeaQueriesService, type PersonalList } from './idea-queries.service.js';

/** "My activity": the signed-in person's ideas, votes and follows, newest idea first. */
@Resolver(() => ViewerObject)
export class ViewerIdeasResolver {
  constructor(private readonly queries: IdeaQueriesService) {}

  private async list(viewer: ViewerObject, kind: PersonalList, first?: number, after?: string) {
    return mapConnection(await this.queries.forPerson(viewer.uuid, kind, { first, after }), mapIdea);
  }

  @ResolveField(() => IdeaConnection, { description: 'Ideas the person wrote, in every state (hidden ones too).' })
  ideas(
    @Parent() viewer: ViewerObject,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.list(viewer, 'authored', first, after);
  }

  @ResolveField(() => IdeaConnection, { description: 'Ideas the person has a vote on.' })
  votedIdeas(
    @Parent() viewer: ViewerObject,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.list(viewer, 'voted', first, after);
  }

  @ResolveField(() => IdeaConnection, { description: 'Ideas the person follows.' })
  followedIdeas(
    @Parent() viewer: ViewerObject,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.list(viewer, 'followed', first, after);
  }
}
