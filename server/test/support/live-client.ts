import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveResult {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** One subscription's received results, how it ended, and a way to stop it. */
export interface LiveSubscription {
  results: LiveResult[];
  /** Set when the server completed it. */
  completed: boolean;
  /** Set when it ended with an error (an error message, or the socket closed with a code). */
  error: unknown;
  stop(): void;
}

/** A graphql-ws client of a test app (no retries: a close is what the test looks at). */
export function liveClient(
  httpUrl: string,
  options: {
    token?: string;
    headers?: Record<string, string>;
    onClose?: (code: number, reason: string) => void;
    /** False: connect at once and stay connected without subscriptions (graphql-ws closes a lazy one itself). */
    lazy?: boolean;
  } = {},
): Client {
  const url = httpUrl.replace(/^http/, 'ws') + '/graphql';
  class HeaderedSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: options.headers ?? {} });
    }
  }
  return createClient({
    url,
    webSocketImpl: HeaderedSocket,
    retryAttempts: 0,
    lazy: options.lazy ?? true,
    onNonLazyError: () => {},
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        options.onClose?.(code, String(reason));
      },
    },
  });
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): LiveSubscription {
  const subscription: LiveSubscription = { results: [], completed: false, error: null, stop: () => {} };
  subscription.stop = client.subscribe(
    { query, variables },
    {
      next: (value) => void subscription.results.push(value as LiveResult),
      error: (error) => void (subscription.error = error),
      complete: () => void (subscription.completed = true),
    },
  );
  return subscription;
}
