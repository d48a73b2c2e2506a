import { createHash, randomBytes } from 'node:crypto';
import { ApiTokenScope, LIMITS } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requireSession } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { DatabaseService } from '../../database/database.service.js';
import { apiTokensRepository, type ApiTokenRow } from './api-tokens.repository.js';

/** Every API token starts so; a session token never does, so one look tells them apart. */
export const API_TOKEN_PREFIX = 'cst_';
const SHAPE = /^cst_[A-Za-z0-9_-]{43}$/;
const hash = (token: string) => createHash('sha256').update(token).digest();
/** How stale lastUsedAt may be: a busy app writes it once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Who a live API token acts as. */
export interface TokenIdentity {
  tokenId: string;
  scope: ApiTokenScope;
  userId: string;
  role: RequestViewer['role'];
  suspendedUntil: Date | null;
}

/**
 * Personal API tokens: made, listed and revoked by their owner with a session (never with a token), shown
 * once, stored as their SHA-256, and resolved on each request that sends one.
 */
@Injectable()
export class ApiTokensService {
  constructor(private readonly database: DatabaseService) {}

  async create(
    viewer: RequestViewer,
    input: { name: string; scope: ApiTokenScope; expiresAt?: Date | null },
  ): Promise<{ row: ApiTokenRow; token: string }> {
    const person = requireSession(viewer);
    const name = input.name.trim();
    if (!name) throw new BadInputError({ name: fieldMessage('required') });
    if (input.expiresAt && input.expiresAt <= new Date()) {
      throw new BadInputError({ expiresAt: fieldMessage('timeInFuture') });
    }
    return this.database.transaction(async (manager) => {
      if ((await apiTokensRepository.countLive(manager, person.userId)) >= LIMITS.apiToken.livePerPerson) {
        throw new ConflictError('TOO_MANY_TOKENS', { max: LIMITS.apiToken.livePerPerson });
      }
      const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = await apiTokensRepository.insert(manager, {
        userId: person.userId,
        name,
        scope: input.scope,
        tokenHash: hash(token),
        expiresAt: input.expiresAt ?? null,
      });
      return { row, token };
    });
  }

  /** The owner's tokens, newest first; nothing for anyone else. */
  async list(viewer: RequestViewer): Promise<ApiTokenRow[]> {
    if (!viewer.userId) return [];
    return apiTokensRepository.listOf(this.database.dataSource, viewer.userId);
  }

  /** One of the viewer's own tokens, or null. */
  async findOwn(viewer: RequestViewer, id: string): Promise<ApiTokenRow | null> {
    const row = viewer.userId ? await apiTokensRepository.find(this.database.dataSource, id) : null;
    return row && row.user_id === viewer.userId ? row : null;
  }

  /** NOT_FOUND for a token that is not the viewer's (or already revoked): others' tokens are not told apart. */
  async revoke(viewer: RequestViewer, id: string | null): Promise<ApiTokenRow> {
    const person = requireSession(viewer);
    const row = id ? await apiTokensRepository.revoke(this.database.dataSource, person.userId, id) : null;
    if (!row) throw new NotFoundError('API token');
    return row;
  }

  /** The identity of a live token (null for anything else), keeping its lastUsedAt about a minute fresh. */
  async resolve(token: string): Promise<TokenIdentity | null> {
    if (!SHAPE.test(token)) return null;
    const row = await apiTokensRepository.findLive(this.database.dataSource, hash(token));
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await apiTokensRepository.touch(this.database.dataSource, row.id);
    }
    return {
      tokenId: row.id,
      scope: row.scope,
      userId: row.user_id,
      role: row.role,
      suspendedUntil: row.suspended_until,
    };
  }
}
