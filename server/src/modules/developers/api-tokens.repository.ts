import type { ApiTokenScope, Role } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';

/** A row of `api_tokens` (owned by the developers module). */
export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  scope: ApiTokenScope;
  token_hash: Buffer;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** A live token with what the request needs to know of its owner. */
export interface LiveTokenRow {
  id: string;
  user_id: string;
  scope: ApiTokenScope;
  last_used_at: Date | null;
  role: Role;
  suspended_until: Date | null;
}

const PUBLIC_COLUMNS = 'id, user_id, name, scope, created_at, last_used_at, expires_at, revoked_at';

/** Every statement on `api_tokens`. */
export class ApiTokensRepository {
  async insert(
    executor: Executor,
    token: { userId: string; name: string; scope: ApiTokenScope; tokenHash: Buffer; expiresAt: Date | null },
  ): Promise<ApiTokenRow> {
    const row = await one<ApiTokenRow>(
      executor,
      `INSERT INTO api_tokens (user_id, name, scope, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${PUBLIC_COLUMNS}`,
      [token.userId, token.name, token.scope, token.tokenHash, token.expiresAt],
    );
    return row!;
  }

  /** The person's tokens not revoked, newest first (expired ones too: they say when they expired). */
  listOf(executor: Executor, userId: string): Promise<ApiTokenRow[]> {
    return rows<ApiTokenRow>(
      executor,
      `SELECT ${PUBLIC_COLUMNS} FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id`,
      [userId],
    );
  }

  async countLive(executor: Executor, userId: string): Promise<number> {
    const row = await one<{ n: number }>(
      executor,
      `SELECT count(*)::int AS n FROM api_tokens
        WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [userId],
    );
    return row!.n;
  }

  /** Revokes one of the person's tokens; null when they have no such token (or it is revoked already). */
  async revoke(executor: Executor, userId: string, id: string): Promise<ApiTokenRow | null> {
    return (
      (await one<ApiTokenRow>(
        executor,
        `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
         RETURNING ${PUBLIC_COLUMNS}`,
        [id, userId],
      )) ?? null
    );
  }

  async find(executor: Executor, id: string): Promise<ApiTokenRow | null> {
    return (
      (await one<ApiTokenRow>(
        executor,
        `SELECT ${PUBLIC_COLUMNS} FROM api_tokens WHERE id = $1 AND revoked_at IS NULL`,
        [id],
      )) ?? null
    );
  }

  /** The token by its hash when it is neither revoked nor expired, and its owner's account is not deleted. */
  findLive(executor: Executor, tokenHash: Buffer): Promise<LiveTokenRow | undefined> {
    return one<LiveTokenRow>(
      executor,
      `SELECT t.id, t.user_id, t.scope, t.last_used_at, u.role, u.suspended_until
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
          AND u.deleted_at IS NULL`,
      [tokenHash],
    );
  }

  async touch(executor: Executor, id: string): Promise<void> {
    await run(executor, 'UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [id]);
  }

  /** A deleted account's tokens go with it. */
  async deleteAllOf(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM api_tokens WHERE user_id = $1', [userId]);
  }
}

export const apiTokensRepository = new ApiTokensRepository();
