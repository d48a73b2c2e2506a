import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../../common/errors/domain-error.js';
import { idOfType, toGlobalId } from '../../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../../common/graphql/graphql-context.js';
import { mapConnection } from '../../../common/graphql/connection.js';
import { NodeService } from '../../../common/graphql/node.service.js';
import { AgencyObject } from '../../agencies/agency.object.js';
import { CampaignObject } from '../../campaigns/campaign.object.js';
import { ViewerObject } from '../../users/viewer.object.js';
import { CreateWebhookInput } from './dto/create-webhook.input.js';
import {
  CreatedWebhookObject,
  mapDelivery,
  mapWebhook,
  WebhookDeliveryConnection,
  WebhookObject,
} from './webhook.object.js';
import { WebhooksService } from './webhooks.service.js';

/** A scope id of the input: the row id it names, or NOT_FOUND when it names nothing of that type. */
function scopeId(id: string | null | undefined, type: 'Campaign' | 'Agency'): string | null {
  if (id === null || id === undefined) return null;
  const rowId = idOfType(id, type);
  if (!rowId) throw new NotFoundError(type);
  return rowId;
}

@Resolver(() => WebhookObject)
export class WebhooksResolver implements OnModuleInit {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Webhook', async (id, viewer) => {
      const row = await this.webhooks.findOwn(viewer, id);
      return row ? mapWebhook(row) : null;
    });
    this.nodes.register('WebhookDelivery', async (id, viewer) => {
      const row = await this.webhooks.findOwnDelivery(viewer, id);
      return row ? mapDelivery(row) : null;
    });
  }

  @Mutation(() => CreatedWebhookObject, {
    description: 'Signed-in people with a verified email and a session; events carry public data only.',
  })
  async createWebhook(
    @Args('input') input: CreateWebhookInput,
    @Context() { viewer }: GraphQLContext,
  ): Promise<CreatedWebhookObject> {
    const { row, secret } = await this.webhooks.create(viewer, {
      url: input.url,
      events: input.events,
      campaignId: scopeId(input.campaignId, 'Campaign'),
      agencyId: scopeId(input.agencyId, 'Agency'),
    });
    return Object.assign(new CreatedWebhookObject(), { webhook: mapWebhook(row), secret });
  }

  @Mutation(() => Boolean, { description: 'Needs a session. Its pending deliveries go with it.' })
  deleteWebhook(@Args('id', { type: () => ID }) id: string, @Context() { viewer }: GraphQLContext): Promise<boolean> {
    return this.webhooks.delete(viewer, idOfType(id, 'Webhook'));
  }

  @ResolveField(() => CampaignObject, {
    nullable: true,
    description: "Only this campaign's events; null with agency null means every public event.",
  })
  campaign(@Parent() webhook: WebhookObject, @Context() { viewer }: GraphQLContext) {
    return webhook.campaignId ? this.nodes.resolve(toGlobalId('Campaign', webhook.campaignId), viewer) : null;
  }

  @ResolveField(() => AgencyObject, { nullable: true, description: "Only this agency's campaigns' events." })
  agency(@Parent() webhook: WebhookObject, @Context() { viewer }: GraphQLContext) {
    return webhook.agencyId ? this.nodes.resolve(toGlobalId('Agency', webhook.agencyId), viewer) : null;
  }

  @ResolveField(() => WebhookDeliveryConnection, { description: 'Newest first.' })
  async deliveries(
    @Parent() webhook: WebhookObject,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return mapConnection(await this.webhooks.deliveries(webhook.rowId, { first, after }), mapDelivery);
  }
}

@Resolver(() => ViewerObject)
export class ViewerWebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @ResolveField(() => [WebhookObject], { description: 'Newest first.' })
  async webhooks(@Context() { viewer }: GraphQLContext): Promise<WebhookObject[]> {
    return (await this.service.list(viewer)).map(mapWebhook);
  }
}
