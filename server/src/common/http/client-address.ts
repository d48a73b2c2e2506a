import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { AppConfig } from '../../config/config.js';

/**
 * Fastify's form of TRUST_PROXY. Fastify 5 reads a bare number as "trust no hop" (it cannot check the
 * immediate peer), so a hop count becomes a function: the socket's peer and the next hops - 1 addresses
 * of X-Forwarded-For, counted from the right, are proxies; the address before them is the client.
 */
export function trustedProxies(
  trust: AppConfig['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust === 0 ? false : (_address: string, hop: number) => hop < trust;
  if (Array.isArray(trust)) return trust.join(',');
  return trust;
}

/**
 * The client's address for a request Fastify does not see (a WebSocket upgrade), by the same TRUST_PROXY
 * rule and the same library as Fastify's request.ip.
 */
export function clientAddressOf(request: IncomingMessage, trust: AppConfig['trustProxy']): string {
  const rule = trustedProxies(trust);
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (rule === false) return peer;
  const trusts =
    typeof rule === 'function'
      ? rule
      : rule === true
        ? () => true
        : proxyAddr.compile(rule.split(',').map((part) => part.trim()));
  const addresses = proxyAddr.all(request, trusts);
  return addresses[addresses.length - 1] ?? peer;
}
