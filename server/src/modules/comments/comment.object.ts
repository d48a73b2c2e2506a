import { Visibility } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import { TOMBSTONE } from '../../common/graphql/tombstone.js';

export interface CommentRow {
  id: string;
  idea_id: string;
  parent_id: string | null;
  author_id: string | null;
  depth: number;
  body: string;
  body_html: string;
  visibility: Visibility;
  hidden_reason: string | null;
  hidden_by_flags: boolean;
  deleted_at: Date | null;
  edited_at: Date | null;
  created_at: Date;
}

@NodeType('Comment')
export class CommentObject {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'Empty once deleted. A hidden comment seen by anyone but its author and moderators is a tombstone.',
  })
  body: string;

  @Field(() => String)
  bodyHtml: string;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is hidden, for its author, moderators and officials; null otherwise.',
  })
  hiddenReason: string | null;

  @Field(() => Boolean, { description: 'True once its author deleted it; body is then empty.' })
  deleted: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  editedAt: Date | null;

  uuid: string;
  ideaId: string;
  parentId: string | null;
  authorId: string | null;
  depth: number;
}

export const CommentConnection = Connection(CommentObject, 'Comment');

/**
 * A comment as the viewer may see it: `revealHidden` is whether the viewer moderates the idea's campaign
 * (authors always see their own). Hidden comments keep their place in the thread for everyone else, as a
 * tombstone with no author, so replies keep their context.
 */
export function mapComment(row: CommentRow, viewer?: { userId: string | null; revealHidden: boolean }): CommentObject {
  const deleted = row.deleted_at !== null;
  const tombstone =
    row.visibility === Visibility.HIDDEN &&
    !deleted &&
    !(viewer && (viewer.revealHidden || (viewer.userId !== null && viewer.userId === row.author_id)));
  return Object.assign(new CommentObject(), {
    id: toGlobalId('Comment', row.id),
    uuid: row.id,
    ideaId: row.idea_id,
    parentId: row.parent_id,
    // A deleted comment keeps its place in the thread but no longer says who wrote it.
    authorId: deleted || tombstone ? null : row.author_id,
    depth: row.depth,
    body: deleted ? '' : tombstone ? TOMBSTONE.body : row.body,
    bodyHtml: deleted ? '' : tombstone ? TOMBSTONE.bodyHtml : row.body_html,
    visibility: row.visibility,
    hiddenReason: tombstone ? null : row.hidden_reason,
    deleted,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  });
}
