import { WebhookDeliveryStatus, WebhookEvent, WebhookFailure } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/graphql/connection.js';
import { toGlobalId } from '../../../common/graphql/global-id.js';
import { NodeType } from '../../../common/graphql/node.js';
import type { WebhookDeliveryRow, WebhookRow } from './webhooks.repository.js';

@NodeType('WebhookDelivery')
export class WebhookDeliveryObject {
  @Field(() => ID)
  id: string;

  @Field(() => WebhookEvent)
  event: WebhookEvent;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when it got none.' })
  responseStatus: number | null;

  @Field(() => WebhookFailure, { nullable: true, description: 'Why the last attempt failed; null once it succeeded.' })
  failure: WebhookFailure | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next attempt is due, while PENDING.' })
  nextAttemptAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt: Date | null;
}

export const WebhookDeliveryConnection = Connection(WebhookDeliveryObject, 'WebhookDelivery');

@NodeType('Webhook')
export class WebhookObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => [WebhookEvent])
  events: WebhookEvent[];

  @Field(() => Boolean)
  active: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Since when its deliveries have been failing without a success; null when they are not.',
  })
  failingSince: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was turned off after three days of failures.',
  })
  deactivatedAt: Date | null;

  campaignId: string | null;
  agencyId: string | null;
  rowId: string;
}

@ObjectType('CreatedWebhook')
export class CreatedWebhookObject {
  @Field(() => WebhookObject)
  webhook: WebhookObject;

  @Field(() => String, {
    description: 'Shown once: whsec_ followed by base64. Deliveries are signed with it (Standard Webhooks).',
  })
  secret: string;
}

export function mapWebhook(row: WebhookRow): WebhookObject {
  return Object.assign(new WebhookObject(), {
    id: toGlobalId('Webhook', row.id),
    rowId: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    createdAt: row.created_at,
    failingSince: row.failing_since,
    deactivatedAt: row.deactivated_at,
    campaignId: row.campaign_id,
    agencyId: row.agency_id,
  });
}

export function mapDelivery(row: WebhookDeliveryRow): WebhookDeliveryObject {
  return Object.assign(new WebhookDeliveryObject(), {
    id: toGlobalId('WebhookDelivery', row.id),
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    failure: row.failure,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  });
}
