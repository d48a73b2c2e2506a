import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { OnModuleInit } from '@nestjs/common';
import { isLanguage, DEFAULT_LANGUAGE } from '@consulta/shared';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { mapConnection } from '../../common/graphql/connection.js';
import { idOfType, toGlobalId } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { CampaignObject } from '../campaigns/campaign.object.js';
import { CommentObject } from '../comments/comment.object.js';
import { IdeaObject } from '../ideas/idea.object.js';
import { presentIdea } from '../ideas/ideas.loaders.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { OfficialResponseObject } from '../responses/official-response.object.js';
import { UsersService } from '../users/users.service.js';
import { mapViewer, ViewerObject } from '../users/viewer.object.js';
import { NotificationPreferencesInput } from './dto/notification-preferences.input.js';
import {
  mapNotification,
  mapPreferences,
  NotificationConnection,
  NotificationObject,
  NotificationPreferencesObject,
} from './notification.object.js';
import { NotificationsService } from './notifications.service.js';

/** The viewer's notifications and preferences, and what changes them. */
@Resolver(() => ViewerObject)
export class ViewerNotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => NotificationPreferencesObject)
  async notificationPreferences(@Parent() viewer: ViewerObject): Promise<NotificationPreferencesObject> {
    return mapPreferences(await this.service.preferences(viewer.uuid));
  }

  @ResolveField(() => NotificationConnection, { description: 'Newest first.' })
  async notifications(
    @Parent() parent: ViewerObject,
    @Context() { viewer }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly?: boolean,
  ) {
    const language = isLanguage(parent.language) ? parent.language : DEFAULT_LANGUAGE;
    const page = await this.service.list(viewer, { first, after, unreadOnly });
    return mapConnection(page, (row) => mapNotification(row, language));
  }

  @ResolveField(() => Int)
  unreadNotificationCount(@Context() { viewer }: GraphQLContext): Promise<number> {
    return this.service.unreadCount(viewer);
  }

  @Mutation(() => ViewerObject)
  async updateNotificationPreferences(
    @Args('input') input: NotificationPreferencesInput,
    @Context() { viewer }: GraphQLContext,
  ): Promise<ViewerObject> {
    await this.service.updatePreferences(viewer, input);
    const user = await this.users.findById(viewer.userId!);
    if (!user) throw new NotFoundError('user');
    return mapViewer(user);
  }

  @Mutation(() => Int, {
    description: "Marks these notifications read (all of the viewer's when ids is null); returns how many changed.",
  })
  markNotificationsRead(
    @Context() { viewer }: GraphQLContext,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    const uuids = ids ? ids.map((id) => idOfType(id, 'Notification')).filter((id): id is string => id !== null) : null;
    return this.service.markRead(viewer, uuids);
  }

  @Mutation(() => Boolean, {
    description: 'Stops all email to the person whose unsubscribe link carried the token; needs no session.',
  })
  unsubscribe(@Args('token') token: string): Promise<boolean> {
    return this.service.unsubscribe(token);
  }
}

/** What a notification is about, each shown by its own type's visibility rule. */
@Resolver(() => NotificationObject)
export class NotificationsResolver implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly ideas: IdeasService,
    private readonly users: UsersService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Notification', async (id, viewer) => {
      const row = await this.notifications.findOwn(viewer, id);
      if (!row) return null;
      const user = await this.users.findById(row.user_id);
      return mapNotification(row, user?.language ?? DEFAULT_LANGUAGE);
    });
  }

  @ResolveField(() => CampaignObject, { nullable: true })
  campaign(@Parent() notification: NotificationObject, @Context() { viewer }: GraphQLContext) {
    return notification.campaignId ? this.nodes.resolve(toGlobalId('Campaign', notification.campaignId), viewer) : null;
  }

  @ResolveField(() => IdeaObject, { nullable: true })
  idea(@Parent() notification: NotificationObject, @Context() context: GraphQLContext) {
    return notification.ideaId ? presentIdea(context, this.ideas, notification.ideaId) : null;
  }

  @ResolveField(() => CommentObject, { nullable: true })
  comment(@Parent() notification: NotificationObject, @Context() { viewer }: GraphQLContext) {
    return notification.commentId ? this.nodes.resolve(toGlobalId('Comment', notification.commentId), viewer) : null;
  }

  @ResolveField(() => OfficialResponseObject, { nullable: true })
  response(@Parent() notification: NotificationObject, @Context() { viewer }: GraphQLContext) {
    return notification.responseId
      ? this.nodes.resolve(toGlobalId('OfficialResponse', notification.responseId), viewer)
      : null;
  }
}
