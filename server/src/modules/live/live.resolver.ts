import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { requirePerson } from '../../common/auth/policies.js';
import { NotFoundError, UnauthenticatedError } from '../../common/errors/domain-error.js';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { Loaders } from '../../common/graphql/loaders.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { IdeaObject } from '../ideas/idea.object.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { NotificationObject } from '../notifications/notification.object.js';
import type { LiveConnection } from './live-connection.js';
import { LiveHubService } from './live-hub.service.js';

/** The live connection of a subscription's context (subscriptions only run over the socket). */
function connectionOf(context: GraphQLContext): LiveConnection {
  if (!context.live) throw new UnauthenticatedError('Subscriptions run over the WebSocket at /graphql.');
  return context.live as LiveConnection;
}

/**
 * Each event is resolved as a fresh request of its subscriber: the connection's current viewer (kept up
 * to date as sessions end and roles change) and new loaders, so nothing is served from an earlier event.
 */
function asNewRequest<T>(payload: T, _args: unknown, context: GraphQLContext): T {
  context.loaders = new Loaders();
  if (context.live) context.viewer = context.live.viewer;
  return payload;
}

@Resolver()
export class LiveResolver {
  constructor(
    private readonly hub: LiveHubService,
    private readonly ideas: IdeasService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Subscription(() => IdeaObject, {
    description: 'The idea each time its counts, status, visibility or responses change.',
    resolve: asNewRequest,
  })
  async ideaChanged(@Args('ideaId', { type: () => ID }) ideaId: string, @Context() context: GraphQLContext) {
    const connection = connectionOf(context);
    const found = await this.ideas.findVisible(context.viewer, idOfType(ideaId, 'Idea'));
    if (!found) throw new NotFoundError('idea');
    return this.hub.watchIdea(connection, found.idea.id);
  }

  @Subscription(() => IdeaObject, {
    description:
      'Each idea of the campaign that is submitted or whose counts, status or visibility change (visible ideas only).',
    resolve: asNewRequest,
  })
  async campaignChanged(
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Context() context: GraphQLContext,
  ) {
    const connection = connectionOf(context);
    const campaign = await this.campaigns.findVisible(context.viewer, { id: idOfType(campaignId, 'Campaign') });
    if (!campaign) throw new NotFoundError('campaign');
    return this.hub.watchCampaign(connection, campaign.id);
  }

  @Subscription(() => NotificationObject, {
    description: "The viewer's own notifications as they are created.",
    resolve: asNewRequest,
  })
  notificationReceived(@Context() context: GraphQLContext) {
    const connection = connectionOf(context);
    const person = requirePerson(context.viewer);
    return this.hub.watchNotifications(connection, person.userId);
  }
}
