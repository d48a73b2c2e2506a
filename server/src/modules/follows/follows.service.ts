import { Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { DatabaseService } from '../../database/database.service.js';
import type { IdeaEntity } from '../ideas/idea.entity.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { followsRepository } from './follows.repository.js';

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
    const follows = this.database.dataSource;
    if (follow) await followsRepository.follow(follows, person.userId, found.idea.id);
    else await followsRepository.unfollow(follows, person.userId, found.idea.id);
    return found.idea;
  }

  followedAmong(userId: string, ideaIds: readonly string[]): Promise<Set<string>> {
    return followsRepository.followedAmong(this.database.dataSource, userId, ideaIds);
  }
}
