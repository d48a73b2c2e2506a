import { Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { DatabaseService } from '../../database/database.service.js';
import type { IdeaEntity } from '../ideas/idea.entity.js';
import { IdeasService } from '../ideas/ideas.service.js';

/**
 * Following ideas, idempotently. The follows table is what notifications will read: who follows which
 * idea, since when.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ideas: IdeasService,
  ) {}

  async setFollowing(viewer: RequestViewer, ideaId: string | null, follow: boolean): Promise<IdeaEntity> {
    const person = requirePerson(viewer);
    const found = await this.ideas.findVisible(viewer, ideaId);
    if (!found) throw new NotFoundError('idea');
    await this.database.dataSource.query(
      follow
        ? 'INSERT INTO idea_follows (user_id, idea_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
        : 'DELETE FROM idea_follows WHERE user_id = $1 AND idea_id = $2',
      [person.userId, found.idea.id],
    );
    return found.idea;
  }

  async followedAmong(userId: string, ideaIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.database.dataSource.query(
      'SELECT idea_id FROM idea_follows WHERE user_id = $1 AND idea_id = ANY($2)',
      [userId, ideaIds],
    );
    return new Set(rows.map((row: { idea_id: string }) => row.idea_id));
  }
}
