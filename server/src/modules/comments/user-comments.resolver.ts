import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mapConnection } from '../../common/graphql/connection.js';
import { UserObject } from '../users/user.object.js';
import { CommentConnection, mapComment } from './comment.object.js';
import { CommentsService } from './comments.service.js';

/** A public profile's comments: what anyone may see of them, newest first. */
@Resolver(() => UserObject)
export class UserCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField(() => CommentConnection, {
    description: 'The person’s comments anyone may see (never hidden or deleted ones), newest first.',
  })
  async comments(
    @Parent() user: UserObject,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return mapConnection(await this.service.publicOf(user.uuid, { first, after }), (row) => mapComment(row));
  }
}
