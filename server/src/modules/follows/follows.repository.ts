import { rows, run, type Executor } from '../../database/sql.js';

/** A row of `idea_follows`. */
export interface FollowRow {
  user_id: string;
  idea_id: string;
  created_at: Date;
}

/** Every statement on `idea_follows` (owned by the follows module): who follows which idea, since when. */
export class FollowsRepository {
  async follow(executor: Executor, userId: string, ideaId: string): Promise<void> {
    await run(executor, 'INSERT INTO idea_follows (user_id, idea_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      userId,
      ideaId,
    ]);
  }

  async unfollow(executor: Executor, userId: string, ideaId: string): Promise<void> {
    await run(executor, 'DELETE FROM idea_follows WHERE user_id = $1 AND idea_id = $2', [userId, ideaId]);
  }

  async followedAmong(executor: Executor, userId: string, ideaIds: readonly string[]): Promise<Set<string>> {
    const found = await rows<Pick<FollowRow, 'idea_id'>>(
      executor,
      'SELECT idea_id FROM idea_follows WHERE user_id = $1 AND idea_id = ANY($2)',
      [userId, ideaIds],
    );
    return new Set(found.map((row) => row.idea_id));
  }

  async deleteAllOf(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM idea_follows WHERE user_id = $1', [userId]);
  }
}

export const followsRepository = new FollowsRepository();
