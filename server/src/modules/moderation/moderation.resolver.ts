import { userLoader } from '../users/users.loaders.js';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection } from '../../common/graphql/connection.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { mapUser, UserObject } from '../users/user.object.js';
import { UsersService } from '../users/users.service.js';
import { mapAuditEntry, ModerationActionConnection, ModerationActionObject } from './moderation-action.object.js';
import { ModerationLogService } from './moderation-log.service.js';
import { SuspensionsService } from './suspensions.service.js';
import { SuspendUserInput } from './dto/suspend-user.input.js';

@Resolver(() => ModerationActionObject)
export class ModerationResolver {
  constructor(
    private readonly suspensions: SuspensionsService,
    private readonly log: ModerationLogService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => UserObject, { description: 'MODERATOR or ADMIN.' })
  async suspendUser(@Args('input') input: SuspendUserInput, @Context() { viewer }: GraphQLContext) {
    return mapUser(
      await this.suspensions.suspendUser(viewer, idOfType(input.userId, 'User'), input.until, input.reason),
    );
  }

  @Mutation(() => UserObject, {
    description: 'MODERATOR or ADMIN: ends a suspension early (audited; sessions untouched).',
  })
  async liftSuspension(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('reason') reason: string,
    @Context() { viewer }: GraphQLContext,
  ) {
    return mapUser(await this.suspensions.liftSuspension(viewer, idOfType(userId, 'User'), reason));
  }

  @Query(() => ModerationActionConnection, {
    description: 'The audit log, newest first: moderators and admins see all of it, officials their agencies’ entries.',
  })
  async moderationLog(
    @Context() { viewer }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('action', { nullable: true, description: 'Only this action, such as idea.hidden.' }) action?: string,
    @Args('actorId', { type: () => ID, nullable: true, description: 'Only what this person did.' }) actorId?: string,
  ) {
    const actor = actorId ? idOfType(actorId, 'User') : null;
    if (actorId && !actor) throw new NotFoundError('user');
    return mapConnection(await this.log.list(viewer, { first, after, action, actorId: actor }), mapAuditEntry);
  }

  @Query(() => [UserObject], { description: 'The people who appear in the part of the audit log the viewer reads.' })
  async moderationLogActors(@Context() context: GraphQLContext): Promise<UserObject[]> {
    const ids = await this.log.actors(context.viewer);
    const users = await userLoader(context, this.users).loadMany(ids);
    return users
      .flatMap((user) => (user && !(user instanceof Error) ? [mapUser(user)] : []))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  @ResolveField(() => UserObject)
  async actor(@Parent() entry: ModerationActionObject, @Context() context: GraphQLContext): Promise<UserObject> {
    const loader = userLoader(context, this.users);
    const user = await loader.load(entry.actorId);
    if (!user) throw new NotFoundError('user');
    return mapUser(user);
  }
}
