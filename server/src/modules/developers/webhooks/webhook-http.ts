import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { WebhookFailure } from '@consulta/shared';
import { resolveHost } from './public-address.js';

export interface PostOutcome {
  /** The receiver's HTTP status; null when none came (refused address, no connection, timeout). */
  status: number | null;
  /** Null for a 2xx. */
  failure: WebhookFailure | null;
  /** The error's own words (a connection's), for the logs. */
  detail?: string;
}

/** What is read of a receiver's answer before the connection is dropped. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs a delivery. The host is resolved here, at delivery time, and the connection goes to the address
 * that was checked (never resolved again, so a name cannot change its answer between the check and the
 * connection); redirects are not followed (a 3xx is a failure like any other non-2xx); the whole exchange
 * has `timeoutMs`.
 */
export async function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostOutcome> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { status: null, failure: WebhookFailure.NOT_HTTPS };
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(options.allowPrivate && url.protocol === 'http:')) {
    return { status: null, failure: WebhookFailure.NOT_HTTPS };
  }
  const resolved = await resolveHost(url.hostname, options.allowPrivate);
  if (!resolved.ok) {
    return {
      status: null,
      failure: resolved.reason === 'private' ? WebhookFailure.PRIVATE_ADDRESS : WebhookFailure.HOST_NOT_FOUND,
    };
  }
  const pinned = resolved.addresses[0]!;
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (e: null, list: Array<typeof pinned>) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
  const client = secure ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Consulta-Webhooks/1',
        },
        lookup,
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? null;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () =>
          settle(
            status !== null && status >= 200 && status < 300
              ? { status, failure: null }
              : { status, failure: WebhookFailure.HTTP_STATUS },
          );
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      settle({ status: null, failure: WebhookFailure.TIMEOUT });
    }, options.timeoutMs);
    request.on('error', (error) =>
      settle({ status: null, failure: WebhookFailure.CONNECTION_FAILED, detail: error.message }),
    );
    request.end(body);
  });
}
