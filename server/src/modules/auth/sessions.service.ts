import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { SessionEntity } from './session.entity.js';

const TOUCH_EVERY_MS = 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  role: RequestViewer['role'];
  suspendedUntil: Date | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * Server-side sessions. A token is 32 random bytes; the database keeps only its hash. A session ends at
 * its absolute expiry, after SESSION_IDLE_HOURS without use, or when revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get absoluteSeconds(): number {
    return this.config.sessions.absoluteHours * 3600;
  }

  async create(
    userId: string,
    client: { ip: string; userAgent: string | null },
    manager: EntityManager = this.database.manager,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(SessionEntity, {
      userId,
      tokenHash: hashToken(token),
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + this.absoluteSeconds * 1000),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /** The live session behind a token, or null for anything else (garbage, expired, revoked). */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token || !TOKEN.test(token)) return null;
    const rows = await this.database.dataSource.query(
      `SELECT s.id, s.user_id, s.last_seen_at, u.role, u.suspended_until
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(hours => $2)`,
      [hashToken(token), this.config.sessions.idleHours],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.database.dataSource.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.id]);
    }
    return { sessionId: row.id, userId: row.user_id, role: row.role, suspendedUntil: row.suspended_until };
  }

  async revoke(sessionId: string): Promise<boolean> {
    const result = await this.database.manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Ends every live session of a person (password change, suspension), optionally but one. */
  async revokeAllForUser(userId: string, manager: EntityManager = this.database.manager, exceptSessionId?: string) {
    await manager.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, exceptSessionId ?? null],
    );
  }
}
