import { Inject, Injectable, Module } from '@nestjs/common';
import type { RequestViewer } from './request-viewer.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  role: RequestViewer['role'];
  suspendedUntil: Date | null;
  /** Set when this process reused its own earlier lookup instead of reading the database. */
  fromCache?: true;
}

const MAX_ENTRIES = 10_000;

/**
 * Live sessions this process looked up in the last SESSION_CACHE_SECONDS, so reads do not pay a database
 * round trip for every request. Only reads use it: writes always look the session up again (the
 * freshSessionForWrites plugin in graphql-options.ts). This process forgets a session the moment it is
 * revoked or its person's role changes; another API process sharing the database may serve reads on it
 * for up to SESSION_CACHE_SECONDS. 0 turns it off.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { session: ResolvedSession; until: number }>();
  private readonly ttlMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlMs = config.sessions.cacheSeconds * 1000;
  }

  get(key: string): ResolvedSession | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until > Date.now()) return { ...entry.session, fromCache: true };
    this.entries.delete(key);
    return null;
  }

  /** Keeps a session until the cache time or the session's own end, whichever comes first. */
  remember(key: string, session: ResolvedSession, endsAt: Date): void {
    if (this.ttlMs === 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { session, until: Math.min(Date.now() + this.ttlMs, endsAt.getTime()) });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  forgetSession(sessionId: string): void {
    for (const [key, entry] of this.entries) if (entry.session.sessionId === sessionId) this.entries.delete(key);
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.session.userId === userId) this.entries.delete(key);
  }
}

@Module({ providers: [SessionCache], exports: [SessionCache] })
export class SessionCacheModule {}
