import { Inject, Injectable, Module } from '@nestjs/common';
import type { RequestViewer } from './request-viewer.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { BusService } from '../bus/bus.service.js';

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
 * viewerForOperation in graphql-options.ts). A session revoked, or a person whose role, password or
 * suspension changed, is forgotten by every process at once: the news goes over the bus, which also
 * tells live connections to look again. 0 turns the cache off.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { session: ResolvedSession; until: number }>();
  private readonly ttlMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly bus: BusService,
  ) {
    this.ttlMs = config.sessions.cacheSeconds * 1000;
    bus.listen((message) => {
      if (message.t === 'session') this.drop((entry) => entry.sessionId === message.sessionId);
      if (message.t === 'user') this.drop((entry) => entry.userId === message.userId);
    });
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

  /** The session ended: forgotten here and, over the bus, by every other process. */
  forgetSession(sessionId: string): Promise<boolean> {
    return this.bus.publish({ t: 'session', sessionId });
  }

  /** The person's sessions, role or suspension changed: forgotten everywhere. */
  forgetUser(userId: string): Promise<boolean> {
    return this.bus.publish({ t: 'user', userId });
  }

  private drop(matches: (session: ResolvedSession) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.session)) this.entries.delete(key);
  }
}

@Module({ providers: [SessionCache], exports: [SessionCache] })
export class SessionCacheModule {}
