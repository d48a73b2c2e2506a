import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mapConnection } from '../../common/graphql/connection.js';
import { UserObject } from '../users/user.object.js';
import { IdeaConnection, mapIdea } from './idea.object.js';
import { IdeaQueriesService } from './idea-queries.service.js';

/** A public profile's ideas: what anyone may see of them (listed ideas of public campaigns), newest first. */
@Resolver(() => UserObject)
export class UserIdeasResolver {
  constructor(private readonly queries: IdeaQueriesService) {}

  @ResolveField(() => IdeaConnection, {
    description: 'The person’s ideas anyone may see (never hidden, withdrawn or draft-campaign ones), newest first.',
  })
  async ideas(
    @Parent() user: UserObject,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return mapConnection(await this.queries.forPerson(user.uuid, 'public', { first, after }), mapIdea);
  }
}
