import { FlagStatus } from '@consulta/shared';
import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection } from '../../common/graphql/connection.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { CommentsService } from '../comments/comments.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { userLoader } from '../users/users.loaders.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { UsersService } from '../users/users.service.js';
import { ContentModerationService } from './content-moderation.service.js';
import { FlagConnection, FlaggableContent, FlagObject, mapFlag } from './flag.object.js';
import { FlagsService } from './flags.service.js';
import { ModerationQueueService } from './moderation-queue.service.js';
import type { TargetType } from './moderation-target.js';
import { presentContent } from './present-content.js';
import { FlagContentInput, ResolveFlagInput } from './dto/flag.inputs.js';

@Resolver(() => FlagObject)
export class FlagsResolver implements OnModuleInit {
  constructor(
    private readonly flags: FlagsService,
    private readonly decisions: ContentModerationService,
    private readonly queue: ModerationQueueService,
    readonly ideas: IdeasService,
    readonly comments: CommentsService,
    private readonly users: UsersService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Flag', async (id, viewer) => {
      const found = await this.queue.findVisible(viewer, id);
      return found ? mapFlag(found.row, found.reviewer) : null;
    });
  }

  @Query(() => FlagConnection, {
    description: 'Moderators and admins see every flag; officials those on their agencies’ campaigns. Oldest first.',
  })
  async moderationQueue(
    @Context() { viewer }: GraphQLContext,
    @Args('status', { type: () => FlagStatus, nullable: true, defaultValue: FlagStatus.OPEN }) status: FlagStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const page = await this.queue.list(viewer, status ?? FlagStatus.OPEN, { first, after });
    return mapConnection(page, (row) => mapFlag(row, true));
  }

  @Mutation(() => FlagObject, {
    description:
      'Any signed-in person, once per target. Content with enough distinct open flags is hidden until reviewed.',
  })
  async flagContent(@Args('input') input: FlagContentInput, @Context() { viewer }: GraphQLContext) {
    return mapFlag(await this.flags.flagContent(viewer, input), false);
  }

  @Mutation(() => FlagObject, { description: 'MODERATOR, ADMIN, or an official of the content’s agency.' })
  async resolveFlag(@Args('input') input: ResolveFlagInput, @Context() { viewer }: GraphQLContext) {
    const row = await this.decisions.resolveFlag(
      viewer,
      idOfType(input.flagId, 'Flag'),
      input.resolution,
      input.reason,
    );
    return mapFlag(row, true);
  }

  @Mutation(() => FlaggableContent, { description: 'MODERATOR, ADMIN, or an official of the content’s agency.' })
  async hideContent(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('reason') reason: string,
    @Context() context: GraphQLContext,
  ) {
    return this.content(context, await this.decisions.hideContent(context.viewer, targetId, reason), true);
  }

  @Mutation(() => FlaggableContent, { description: 'MODERATOR, ADMIN, or an official of the content’s agency.' })
  async restoreContent(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('reason') reason: string,
    @Context() context: GraphQLContext,
  ) {
    return this.content(context, await this.decisions.restoreContent(context.viewer, targetId, reason), true);
  }

  private content(context: GraphQLContext, target: { type: TargetType; id: string }, revealHidden: boolean) {
    return presentContent(context, this, target, revealHidden);
  }

  @ResolveField(() => FlaggableContent)
  target(@Parent() flag: FlagObject, @Context() context: GraphQLContext) {
    return this.content(context, { type: flag.targetType, id: flag.targetId }, flag.revealHidden);
  }

  @ResolveField(() => UserObject)
  async reporter(@Parent() flag: FlagObject, @Context() context: GraphQLContext): Promise<UserObject> {
    const user = await userLoader(context, this.users).load(flag.reporterId);
    if (!user) throw new NotFoundError('user');
    return mapUser(user);
  }

  @ResolveField(() => UserObject, { nullable: true })
  async resolvedBy(@Parent() flag: FlagObject, @Context() context: GraphQLContext): Promise<UserObject | null> {
    if (!flag.resolvedById) return null;
    const user = await userLoader(context, this.users).load(flag.resolvedById);
    return user ? mapUser(user) : null;
  }
}
