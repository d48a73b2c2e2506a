import { FlagReason, FlagStatus } from '@consulta/shared';
import { createUnionType, Field, GraphQLISODateTime, ID, Int } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import { CommentObject } from '../comments/comment.object.js';
import { IdeaObject } from '../ideas/idea.object.js';
import type { TargetType } from './moderation-target.js';

export interface FlagRow {
  id: string;
  target_type: TargetType;
  target_id: string;
  idea_id: string;
  campaign_id: string;
  agency_id: string;
  reporter_id: string;
  reason: FlagReason;
  note: string | null;
  status: FlagStatus;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
}

export const FlaggableContent = createUnionType({
  name: 'FlaggableContent',
  types: () => [IdeaObject, CommentObject] as const,
  resolveType: (value: object) => (value instanceof IdeaObject ? IdeaObject : CommentObject),
});

/** A person's report of an idea or comment, and what moderation decided. */
@NodeType('Flag')
export class FlagObject {
  @Field(() => ID)
  id: string;

  @Field(() => FlagReason)
  reason: FlagReason;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => FlagStatus)
  status: FlagStatus;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Int, { description: 'Open flags on the same content, this one included if open.' })
  openFlagCount: number;

  uuid: string;
  targetType: TargetType;
  targetId: string;
  ideaId: string;
  campaignId: string;
  reporterId: string;
  resolvedById: string | null;
  /** Whether the viewer moderates the content (else a hidden comment is a tombstone). */
  revealHidden: boolean;
}

export const FlagConnection = Connection(FlagObject, 'Flag');

export function mapFlag(row: FlagRow & { open_flags?: number }, revealHidden: boolean): FlagObject {
  return Object.assign(new FlagObject(), {
    id: toGlobalId('Flag', row.id),
    uuid: row.id,
    reason: row.reason,
    note: row.note,
    status: row.status,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    openFlagCount: row.open_flags ?? 0,
    targetType: row.target_type,
    targetId: row.target_id,
    ideaId: row.idea_id,
    campaignId: row.campaign_id,
    reporterId: row.reporter_id,
    resolvedById: row.resolved_by,
    revealHidden,
  });
}
