import type { Visibility } from '@consulta/shared';
import { one, run, type Executor } from '../../database/sql.js';
import type { CommentRow } from './comment.object.js';

/** Every statement that writes `comments` (owned by the comments module). */
export class CommentsRepository {
  async insert(
    executor: Executor,
    comment: {
      ideaId: string;
      parentId: string | null;
      authorId: string;
      depth: number;
      body: string;
      bodyHtml: string;
    },
  ): Promise<CommentRow> {
    const row = await one<CommentRow>(
      executor,
      'INSERT INTO comments (idea_id, parent_id, author_id, depth, body, body_html) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [comment.ideaId, comment.parentId, comment.authorId, comment.depth, comment.body, comment.bodyHtml],
    );
    return row!;
  }

  async updateText(executor: Executor, id: string, body: string, bodyHtml: string): Promise<CommentRow> {
    const row = await one<CommentRow>(
      executor,
      'UPDATE comments SET body = $2, body_html = $3, edited_at = now() WHERE id = $1 RETURNING *',
      [id, body, bodyHtml],
    );
    return row!;
  }

  /** Soft deletion: the comment keeps its place (replies stay under it) with an empty body. */
  async softDelete(executor: Executor, id: string): Promise<CommentRow> {
    const row = await one<CommentRow>(
      executor,
      "UPDATE comments SET deleted_at = now(), body = '', body_html = '' WHERE id = $1 RETURNING *",
      [id],
    );
    return row!;
  }

  async setVisibility(
    executor: Executor,
    id: string,
    visibility: Visibility,
    hidden: { reason: string; byFlags: boolean } | null,
  ): Promise<void> {
    await run(executor, 'UPDATE comments SET visibility = $2, hidden_reason = $3, hidden_by_flags = $4 WHERE id = $1', [
      id,
      visibility,
      hidden?.reason ?? null,
      hidden?.byFlags ?? false,
    ]);
  }
}

export const commentsRepository = new CommentsRepository();
