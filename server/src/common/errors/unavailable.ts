import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@consulta/shared';

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** What an answer's HTTP head says while the service is unavailable: 503 and Retry-After. */
export const UNAVAILABLE_HTTP = () => ({
  status: 503,
  headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]),
});

/**
 * An answer whose errors say the service is temporarily unavailable (retryable) goes out as HTTP 503 with
 * Retry-After, its body unchanged, so proxies, monitors and clients that read only the status know to wait.
 */
export const unavailableAs503: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        const unavailable = errors.some(
          (error) => error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && error.extensions?.retryable === true,
        );
        if (!unavailable) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};
