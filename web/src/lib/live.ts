import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client } from 'graphql-ws';
import { useSyncExternalStore } from 'react';

/** Whether live updates flow: until the socket is open (or when it cannot open), pages poll instead. */
export type LiveStatus = 'connecting' | 'open' | 'unavailable';

/** How often pages poll for changes while live updates cannot flow. */
export const POLL_WITHOUT_LIVE_MS = 10_000;

let status: LiveStatus = 'connecting';
const listeners = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

/** The socket's state, for components that poll while it is not open. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
    () => 'unavailable',
  );
}

let current: Client | null = null;

/**
 * After signing in or out: the socket was opened as whoever the person was, so it is closed and its
 * subscriptions open again on a new one, which carries the new session cookie.
 */
export function reconnectLive(): void {
  current?.terminate();
}

/** The graphql-ws client at /graphql of this origin; the session cookie goes with the upgrade request. */
export function createLiveClient(path = '/graphql'): Client | null {
  if (typeof WebSocket === 'undefined' || typeof window === 'undefined') {
    setStatus('unavailable');
    return null;
  }
  const url = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${path}`;
  current = createClient({
    url,
    lazy: true,
    // Reconnects after a lost connection (a server restart, a network change), more slowly each time.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries))),
    on: {
      connected: () => setStatus('open'),
      closed: () => setStatus('unavailable'),
      error: () => setStatus('unavailable'),
    },
  });
  return current;
}

/**
 * What follows a change of who is signed in: live updates reconnect as the new person, and the cache is
 * read again. Queries aborted by the reset are not errors anyone needs to see.
 */
export async function afterSessionChange(client: { resetStore(): Promise<unknown> }): Promise<void> {
  reconnectLive();
  await client.resetStore().catch(() => undefined);
}

export function createLiveLink(client: Client): GraphQLWsLink {
  return new GraphQLWsLink(client);
}
