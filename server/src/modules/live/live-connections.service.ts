import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestViewer, ViewerResolver } from '../../common/auth/request-viewer.js';
import { BusService } from '../../common/bus/bus.service.js';
import { clientAddressOf } from '../../common/http/client-address.js';
import { JsonLogger } from '../../common/logging/json-logger.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { ApiTokensService } from '../developers/api-tokens.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { viewerResolver } from '../auth/viewer-resolution.js';
import { LiveConnection, type ClosableSocket } from './live-connection.js';

/** Close codes a client can act on (graphql-ws treats 4401 and 4429 as final: it does not retry). */
export const LIVE_CLOSE = {
  SESSION_ENDED: 4401,
  REFUSED_CREDENTIALS: 4403,
  TOO_MANY: 4429,
} as const;

/** How often connections with a session read it again, for sessions that simply run out. */
const RECHECK_MS = 60_000;

/** What the client sent to open the connection, and where from. */
export interface LiveHandshake {
  request: IncomingMessage;
  socket: ClosableSocket;
  connectionParams: Record<string, unknown> | undefined;
}

function originAllowed(request: IncomingMessage, publicOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (publicOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * This process's WebSocket connections: who each is, within the limits per address and per person, and
 * kept current from the bus. A session that ends anywhere closes its connections here at once (4401); a
 * person whose role or suspension changed is read again, and every later update uses the new viewer.
 */
@Injectable()
export class LiveConnectionsService implements OnModuleInit, OnApplicationShutdown {
  private readonly connections = new Set<LiveConnection>();
  private readonly viewerOf: ViewerResolver;
  private recheck: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: BusService,
    sessions: SessionsService,
    apiTokens: ApiTokensService,
    private readonly logger: JsonLogger,
  ) {
    this.viewerOf = viewerResolver(sessions, apiTokens);
  }

  onModuleInit(): void {
    this.bus.listen((message) => {
      if (message.t === 'session') {
        for (const connection of this.connections) {
          if (connection.viewer.sessionId === message.sessionId) this.sessionEnded(connection);
        }
      }
      if (message.t === 'user') {
        for (const connection of this.connections) {
          if (connection.viewer.userId === message.userId) void this.reread(connection);
        }
      }
    });
    this.recheck = setInterval(() => {
      for (const connection of this.connections) if (connection.viewer.userId) void this.reread(connection);
    }, RECHECK_MS);
    this.recheck.unref();
  }

  get count(): number {
    return this.connections.size;
  }

  /**
   * Opens a connection: its credentials from `connectionParams.authorization` (a session or API token) or,
   * from the site's own pages only, the session cookie. Answers the connection, or closes the socket with
   * the reason and answers null.
   */
  async open({ request, socket, connectionParams }: LiveHandshake): Promise<LiveConnection | null> {
    const ip = clientAddressOf(request, this.config.trustProxy);
    const given = connectionParams?.authorization;
    const authorization = typeof given === 'string' && given.length > 0 ? given : undefined;
    // A page of another site must not ride on the person's cookie (cross-site WebSocket hijacking).
    const cookie = originAllowed(request, [new URL(this.config.mail.publicUrl).origin])
      ? request.headers.cookie
      : undefined;
    const credentials = { ...(authorization ? { authorization } : {}), ...(cookie ? { cookie } : {}) };
    const viewer = await this.resolve(credentials, ip, request.headers['user-agent'] ?? null);
    if (authorization && !viewer.userId) {
      socket.close(LIVE_CLOSE.REFUSED_CREDENTIALS, 'The token in authorization is not valid: sign in again.');
      return null;
    }
    const limits = this.config.live;
    const same = (test: (c: LiveConnection) => boolean) => [...this.connections].filter(test).length;
    if (same((c) => c.viewer.ip === ip) >= limits.connectionsPerAddress) {
      socket.close(
        LIVE_CLOSE.TOO_MANY,
        `Too many live connections from this address (at most ${limits.connectionsPerAddress}).`,
      );
      return null;
    }
    if (viewer.userId && same((c) => c.viewer.userId === viewer.userId) >= limits.connectionsPerPerson) {
      socket.close(
        LIVE_CLOSE.TOO_MANY,
        `Too many live connections for this account (at most ${limits.connectionsPerPerson}).`,
      );
      return null;
    }
    const connection = new LiveConnection(randomUUID(), viewer, credentials, socket);
    this.connections.add(connection);
    connection.watchIdle(limits.idleSeconds * 1000);
    return connection;
  }

  closed(connection: LiveConnection | undefined): void {
    if (!connection) return;
    this.connections.delete(connection);
    connection.close(1000, 'Closed.');
  }

  private resolve(
    credentials: LiveConnection['credentials'],
    ip: string,
    userAgent: string | null,
  ): Promise<RequestViewer> {
    const request = {
      headers: { ...credentials, 'user-agent': userAgent ?? undefined },
      ip,
    } as unknown as FastifyRequest;
    return this.viewerOf(request, true);
  }

  private sessionEnded(connection: LiveConnection): void {
    this.connections.delete(connection);
    connection.close(LIVE_CLOSE.SESSION_ENDED, 'Your session has ended: sign in again.');
  }

  /** Reads the connection's session or token again: closed when it no longer holds, else the viewer is updated. */
  private async reread(connection: LiveConnection): Promise<void> {
    try {
      const viewer = await this.resolve(connection.credentials, connection.viewer.ip, connection.viewer.userAgent);
      if (!viewer.userId || viewer.userId !== connection.viewer.userId) this.sessionEnded(connection);
      else connection.viewer = viewer;
    } catch (error) {
      // The database away: keep the connection as it is, and look again at the next change or sweep.
      this.logger.emit('warn', 'live connection not re-read', { error: (error as Error).message });
    }
  }

  onApplicationShutdown(): void {
    if (this.recheck) clearInterval(this.recheck);
    for (const connection of this.connections) connection.close(1001, 'The server is restarting.');
    this.connections.clear();
  }
}
