import { presentIdea } from '../ideas/ideas.loaders.js';
import { userLoader } from '../users/users.loaders.js';
import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection } from '../../common/graphql/connection.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { IdeaObject } from '../ideas/idea.object.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { UsersService } from '../users/users.service.js';
import { commentLoader, commentViewLoader, repliesLoader, replyCountLoader } from './comments.loaders.js';
import { CommentConnection, CommentObject, mapComment } from './comment.object.js';
import { CommentsService } from './comments.service.js';
import { AddCommentInput } from './dto/comment.inputs.js';

const commentId = (id: string) => idOfType(id, 'Comment');

const viewOf = (context: GraphQLContext, comments: CommentsService, ideaId: string) =>
  commentViewLoader(context, comments).load(ideaId);

@Resolver(() => CommentObject)
export class CommentsResolver implements OnModuleInit {
  constructor(
    private readonly comments: CommentsService,
    private readonly ideas: IdeasService,
    private readonly users: UsersService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Comment', async (id, viewer) => {
      const row = await this.comments.findVisible(viewer, id);
      return row ? mapComment(row, await this.comments.viewOf(viewer, row.idea_id)) : null;
    });
  }

  @Mutation(() => CommentObject)
  async addComment(@Args('input') input: AddCommentInput, @Context() { viewer }: GraphQLContext) {
    const parentId =
      input.parentId === undefined || input.parentId === null
        ? null
        : (commentId(input.parentId) ?? '00000000-0000-0000-0000-000000000000');
    const row = await this.comments.addComment(viewer, {
      ideaId: idOfType(input.ideaId, 'Idea'),
      body: input.body,
      parentId,
    });
    return mapComment(row, { userId: viewer.userId, revealHidden: false });
  }

  @Mutation(() => CommentObject)
  async editComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @Context() { viewer }: GraphQLContext,
  ) {
    return mapComment(await this.comments.editComment(viewer, commentId(id), body), {
      userId: viewer.userId,
      revealHidden: false,
    });
  }

  @Mutation(() => CommentObject)
  async deleteComment(@Args('id', { type: () => ID }) id: string, @Context() { viewer }: GraphQLContext) {
    return mapComment(await this.comments.deleteComment(viewer, commentId(id)), {
      userId: viewer.userId,
      revealHidden: false,
    });
  }

  @ResolveField(() => IdeaObject)
  async idea(@Parent() comment: CommentObject, @Context() context: GraphQLContext): Promise<IdeaObject> {
    const idea = await presentIdea(context, this.ideas, comment.ideaId);
    if (!idea) throw new NotFoundError('idea');
    return idea;
  }

  @ResolveField(() => UserObject, { nullable: true })
  async author(@Parent() comment: CommentObject, @Context() context: GraphQLContext): Promise<UserObject | null> {
    if (!comment.authorId) return null;
    const loader = userLoader(context, this.users);
    const user = await loader.load(comment.authorId);
    return user ? mapUser(user) : null;
  }

  @ResolveField(() => CommentObject, { nullable: true })
  async parent(@Parent() comment: CommentObject, @Context() context: GraphQLContext): Promise<CommentObject | null> {
    if (!comment.parentId) return null;
    const parent = await commentLoader(context, this.comments).load(comment.parentId);
    return parent ? mapComment(parent, await viewOf(context, this.comments, parent.idea_id)) : null;
  }

  @ResolveField(() => CommentConnection, { description: 'Replies, oldest first.' })
  async replies(
    @Parent() comment: CommentObject,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    // One query for the replies of every comment on the page, and one for their counts, if asked for.
    const pages = repliesLoader(context, this.comments, { first, after });
    const counts = replyCountLoader(context, this.comments);
    const { group, size, hasPrevious } = await pages.load(comment.uuid);
    const page = CommentsService.repliesPage(group, size, hasPrevious, () => counts.load(comment.uuid));
    const view = await viewOf(context, this.comments, comment.ideaId);
    return mapConnection(page, (row) => mapComment(row, view));
  }
}

@Resolver(() => IdeaObject)
export class IdeaCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField(() => CommentConnection, { description: 'Top-level comments, oldest first.' })
  async comments(
    @Parent() idea: IdeaObject,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const view = await viewOf(context, this.service, idea.uuid);
    return mapConnection(await this.service.topLevel(idea.uuid, { first, after }), (row) => mapComment(row, view));
  }
}
