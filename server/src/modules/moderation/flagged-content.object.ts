import type { FlagStatus } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import type { TargetType } from './moderation-target.js';

/** A row of the grouped queue: one piece of content and its flags in one status. */
export interface FlaggedContentRow {
  id: string;
  target_type: TargetType;
  created_at: Date;
  last_flagged_at: Date;
  flag_count: number;
}

/** One card of the review queue: an idea or a comment with every flag it has in the status asked for. */
@ObjectType('FlaggedContent')
export class FlaggedContentObject {
  @Field(() => ID, { description: 'The global ID of the idea or comment.' })
  targetId: string;

  @Field(() => Int, { description: 'How many of its flags are in the status asked for.' })
  flagCount: number;

  @Field(() => GraphQLISODateTime, { description: 'When the oldest of those flags was made.' })
  firstFlaggedAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the newest of those flags was made.' })
  lastFlaggedAt: Date;

  targetType: TargetType;
  uuid: string;
  status: FlagStatus;
}

export const FlaggedContentConnection = Connection(FlaggedContentObject, 'FlaggedContent');

export function mapFlaggedContent(row: FlaggedContentRow, status: FlagStatus): FlaggedContentObject {
  return Object.assign(new FlaggedContentObject(), {
    status,
    targetId: toGlobalId(row.target_type, row.id),
    targetType: row.target_type,
    uuid: row.id,
    flagCount: row.flag_count,
    firstFlaggedAt: row.created_at,
    lastFlaggedAt: row.last_flagged_at,
  });
}
