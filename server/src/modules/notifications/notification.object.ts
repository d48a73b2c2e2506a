import { EmailFrequency, NotificationKind } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { Language } from '@consulta/shared';
import { summaryOf } from './notification-mail.service.js';
import type { DescribedNotification } from './notifications.repository.js';
import type { Preferences } from './notifications.service.js';

@NodeType('Notification')
export class NotificationObject {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => String, { description: "One sentence in the person's language." })
  summary: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  campaignId: string | null;
  ideaId: string | null;
  commentId: string | null;
  responseId: string | null;
}

export const NotificationConnection = Connection(NotificationObject, 'Notification');

export function mapNotification(row: DescribedNotification, language: Language): NotificationObject {
  return Object.assign(new NotificationObject(), {
    id: toGlobalId('Notification', row.id),
    kind: row.kind,
    summary: summaryOf(row, language),
    readAt: row.read_at,
    createdAt: row.created_at,
    campaignId: row.campaign_id,
    ideaId: row.idea_id,
    commentId: row.comment_id,
    responseId: row.response_id,
  });
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesObject {
  @Field(() => EmailFrequency)
  emailFrequency: EmailFrequency;

  @Field(() => [NotificationKind], { description: 'Kinds the person never wants, in the app or by email.' })
  mutedKinds: NotificationKind[];
}

export const mapPreferences = (preferences: Preferences) =>
  Object.assign(new NotificationPreferencesObject(), preferences);
