import { Visibility } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';

export interface CommentRow {
  id: string;
  idea_id: string;
  parent_id: string | null;
  author_id: string | null;
  depth: number;
  body: string;
  body_html: string;
  visibility: Visibility;
  deleted_at: Date | null;
  edited_at: Date | null;
  created_at: Date;
}

@NodeType('Comment')
export class CommentObject {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Empty once deleted.' })
  body: string;

  @Field(() => String)
  bodyHtml: string;

  @Field(() => Visibility)
  visibility: Visibility;

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

export function mapComment(row: CommentRow): CommentObject {
  const deleted = row.deleted_at !== null;
  return Object.assign(new CommentObject(), {
    id: toGlobalId('Comment', row.id),
    uuid: row.id,
    ideaId: row.idea_id,
    parentId: row.parent_id,
    // A deleted comment keeps its place in the thread but no longer says who wrote it.
    authorId: deleted ? null : row.author_id,
    depth: row.depth,
    body: deleted ? '' : row.body,
    bodyHtml: deleted ? '' : row.body_html,
    visibility: row.visibility,
    deleted,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  });
}
