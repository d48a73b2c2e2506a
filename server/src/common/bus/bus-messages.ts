/**
 * What API and worker processes tell each other. Small on purpose (PostgreSQL's NOTIFY carries at most
 * 8,000 bytes): ids only, and each receiver reads what it needs from the database.
 */
export type BusMessage =
  /** A session ended (sign-out, revocation): every process forgets it and closes its live connections. */
  | { t: 'session'; sessionId: string }
  /** A person's sessions, role or suspension changed: every process reads them again. */
  | { t: 'user'; userId: string }
  /** An idea's counts, status, visibility or responses changed (after commit). */
  | { t: 'idea'; ideaId: string; campaignId: string }
  /** A notification was created for a person (after commit). */
  | { t: 'notification'; userId: string; notificationId: string };

/** How a bus reaches the other processes: PostgreSQL LISTEN/NOTIFY or Redis pub/sub. */
export interface BusTransport {
  readonly name: 'postgres' | 'redis';
  start(receive: (raw: string) => void): Promise<void>;
  /** Sends to the other processes; resolves false when it could not (the transport is down). */
  send(raw: string): Promise<boolean>;
  stop(): Promise<void>;
}
