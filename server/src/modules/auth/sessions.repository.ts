import type { Role } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';

/** A row of `sessions` (the token itself is never stored, only its SHA-256). */
export interface SessionRow {
  id: string;
  user_id: string;
  token_hash: Buffer;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LiveSessionRow {
  id: string;
  user_id: string;
  last_seen_at: Date;
  expires_at: Date;
  role: Role;
  suspended_until: Date | null;
}

/** Every statement on `sessions` (owned by the auth module). Tokens are stored as their SHA-256 only. */
export class SessionsRepository {
  async insert(
    executor: Executor,
    session: { userId: string; tokenHash: Buffer; expiresAt: Date; ip: string; userAgent: string | null },
  ): Promise<void> {
    await run(
      executor,
      `INSERT INTO sessions (user_id, token_hash, last_seen_at, expires_at, ip, user_agent)
       VALUES ($1, $2, now(), $3, $4, $5)`,
      [session.userId, session.tokenHash, session.expiresAt, session.ip, session.userAgent],
    );
  }

  /** The live session of a token hash with its person's role and suspension, or undefined. */
  findLive(executor: Executor, tokenHash: Buffer, idleHours: number): Promise<LiveSessionRow | undefined> {
    return one<LiveSessionRow>(
      executor,
      `SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, u.role, u.suspended_until
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(hours => $2)`,
      [tokenHash, idleHours],
    );
  }

  async touch(executor: Executor, id: string): Promise<void> {
    await run(executor, 'UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
  }

  /** Answers whether a live session was revoked. */
  async revoke(executor: Executor, id: string): Promise<boolean> {
    const revoked = await rows<Pick<SessionRow, 'id'>>(
      executor,
      'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id],
    );
    return revoked.length > 0;
  }

  async revokeAllForUser(executor: Executor, userId: string, exceptSessionId: string | null): Promise<void> {
    await run(
      executor,
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, exceptSessionId],
    );
  }
}

export const sessionsRepository = new SessionsRepository();
