import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../database/after-commit.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { SessionCache, type ResolvedSession } from '../../common/auth/session-cache.js';
import { sessionsRepository } from './sessions.repository.js';

const TOUCH_EVERY_MS = 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * Server-side sessions. A token is 32 random bytes; the database keeps only its hash. A session ends at
 * its absolute expiry, after SESSION_IDLE_HOURS without use, or when revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly cache: SessionCache,
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
    await sessionsRepository.insert(manager, {
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.absoluteSeconds * 1000),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /**
   * The live session behind a token, or null for anything else (garbage, expired, revoked). With
   * `fresh`, always read from the database (writes); otherwise a session this process read in the last
   * SESSION_CACHE_SECONDS may be reused.
   */
  async resolve(token: string | undefined, { fresh = false } = {}): Promise<ResolvedSession | null> {
    if (!token || !TOKEN.test(token)) return null;
    const hash = hashToken(token);
    const key = hash.toString('base64');
    const cached = fresh ? null : this.cache.get(key);
    if (cached) return cached;
    const row = await sessionsRepository.findLive(this.database.dataSource, hash, this.config.sessions.idleHours);
    if (!row) {
      this.cache.forget(key);
      return null;
    }
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await sessionsRepository.touch(this.database.dataSource, row.id);
    }
    const session = { sessionId: row.id, userId: row.user_id, role: row.role, suspendedUntil: row.suspended_until };
    this.cache.remember(key, session, new Date(row.expires_at));
    return session;
  }

  async revoke(sessionId: string): Promise<boolean> {
    const revoked = await sessionsRepository.revoke(this.database.dataSource, sessionId);
    // Sent before the answer, so the other processes hear of it before the client can ask them.
    await this.cache.forgetSession(sessionId);
    return revoked;
  }

  /** Ends every live session of a person (password change, suspension), optionally but one. */
  async revokeAllForUser(userId: string, manager: EntityManager = this.database.manager, exceptSessionId?: string) {
    await sessionsRepository.revokeAllForUser(manager, userId, exceptSessionId ?? null);
    // Once committed: told any earlier, another process could read the sessions again as still live.
    afterCommit(manager, () => void this.cache.forgetUser(userId));
  }

  /**
   * Drops a person's sessions from this process's cache. Callers that revoke inside a transaction call it
   * again after the commit, as a read between the revocation and the commit may have cached them anew.
   */
  forgetUser(userId: string): Promise<boolean> {
    return this.cache.forgetUser(userId);
  }
}
