import { Field, GraphQLISODateTime, ID, Int } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { ActedRow } from './moderation-log.service.js';

/** One entry of the audit log: who did what to which object, why, and when. */
@NodeType('ModerationAction')
export class ModerationActionObject {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'What was done, such as user.suspended or idea.response_posted.' })
  action: string;

  @Field(() => ID, { description: 'The global ID of the object acted on.' })
  targetId: string;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => String, { description: 'What was acted on: Idea, Comment, Flag, Campaign, Agency or User.' })
  targetType: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the target is called now: an idea’s or campaign’s title (a comment’s or flag’s idea), a name.',
  })
  targetName: string | null;

  @Field(() => ID, { nullable: true, description: 'The idea the entry is about (a comment’s or flag’s idea too).' })
  ideaId: string | null;

  @Field(() => String, { nullable: true, description: 'The slug of the campaign the entry is about.' })
  campaignSlug: string | null;

  @Field(() => String, { nullable: true, description: 'The state before: a status, a role.' })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'The state after: a status, a role.' })
  to: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'For suspensions: until when.' })
  until: Date | null;

  @Field(() => Int, { nullable: true, description: 'How many flags the decision covered.' })
  flagCount: number | null;

  actorId: string;
}

export const ModerationActionConnection = Connection(ModerationActionObject, 'ModerationAction');

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export function mapAuditEntry(row: ActedRow): ModerationActionObject {
  const details = row.details ?? {};
  return Object.assign(new ModerationActionObject(), {
    targetType: row.target_type,
    targetName: row.target_name,
    ideaId: row.target_idea_id ? toGlobalId('Idea', row.target_idea_id) : null,
    campaignSlug: row.target_campaign_slug,
    from: text(details.from),
    to: text(details.to) ?? text(details.role),
    until: text(details.until) ? new Date(details.until as string) : null,
    flagCount: typeof details.flags === 'number' ? details.flags : null,
    id: toGlobalId('ModerationAction', row.id),
    action: row.action,
    targetId: toGlobalId(row.target_type, row.target_id),
    reason: row.reason,
    createdAt: row.created_at,
    actorId: row.actor_id,
  });
}
