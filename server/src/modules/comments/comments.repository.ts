import type { Visibility } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';
import type { CommentRow } from './comment.object.js';

/** Every statement that writes `comments` (owned by the comments module). */
export class CommentsRepository {
  findByIds(executor: Executor, ids: readonly string[]): Promise<CommentRow[]> {
    return rows<CommentRow>(executor, 'SELECT * FROM comments WHERE id = ANY($1)', [ids]);
  }

  /** The comment's row, locked for the rest of the transaction (after its idea: the global lock order). */
  async lock(executor: Executor, id: string): Promise<CommentRow | null> {
    return (await one<CommentRow>(executor, 'SELECT * FROM comments WHERE id = $1 FOR UPDATE', [id])) ?? null;
  }

  /** One page of replies for each parent (oldest first, after the cursor), in one statement. */
  replies(
    executor: Executor,
    parentIds: readonly string[],
    after: unknown[] | null,
    limit: number,
  ): Promise<CommentRow[]> {
    return rows<CommentRow>(
      executor,
      `SELECT c.* FROM unnest($1::uuid[]) AS p(id)
         CROSS JOIN LATERAL (
           SELECT * FROM comments WHERE parent_id = p.id
              AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
            ORDER BY created_at, id LIMIT $4) c`,
      [parentIds, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async replyCounts(executor: Executor, parentIds: readonly string[]): Promise<Map<string, number>> {
    const found = await rows<{ parent_id: string; n: number }>(
      executor,
      'SELECT parent_id, count(*)::int AS n FROM comments WHERE parent_id = ANY($1) GROUP BY parent_id',
      [parentIds],
    );
    return new Map(found.map((row) => [row.parent_id, row.n]));
  }

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

  /** A deleted account's comments stay, without an author. */
  async detachAuthor(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'UPDATE comments SET author_id = NULL WHERE author_id = $1', [userId]);
  }
}

export const commentsRepository = new CommentsRepository();
