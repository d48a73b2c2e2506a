import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: `whsec_` and the base64 of 24 random bytes (Standard Webhooks). */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one attempt: `webhook-signature` is `v1,` and the base64 HMAC-SHA256 of
 * "{id}.{timestamp}.{body}", keyed with the secret's decoded bytes. The id stays the same on every retry;
 * the timestamp (seconds) is the attempt's.
 */
export function signedHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${signature}`,
  };
}

/** The wait before the next attempt after `attempts` failed ones: base × 4^(n−1), at most base × 960. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return baseSeconds * Math.min(4 ** Math.max(0, attempts - 1), 960);
}

/** Attempts per delivery: with the default 30 s base, the last is about 19 hours after the first. */
export const MAX_ATTEMPTS = 8;
