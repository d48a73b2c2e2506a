import { Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { AuditRow } from '../audit/audit.repository.js';

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

  actorId: string;
}

export const ModerationActionConnection = Connection(ModerationActionObject, 'ModerationAction');

export function mapAuditEntry(row: AuditRow & { actor_id: string }): ModerationActionObject {
  return Object.assign(new ModerationActionObject(), {
    id: toGlobalId('ModerationAction', row.id),
    action: row.action,
    targetId: toGlobalId(row.target_type, row.target_id),
    reason: row.reason,
    createdAt: row.created_at,
    actorId: row.actor_id,
  });
}
