import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may not go: loopback, private, carrier-grade NAT, link-local (cloud metadata at
 * 169.254.169.254 and fd00:ec2::254 among them), documentation, benchmarking, multicast and reserved ranges,
 * and the IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo). IPv4-mapped IPv6 (::ffff:a.b.c.d) is
 * checked as the IPv4 address it maps.
 */
const REFUSED: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 96, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 32, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const blocked = new BlockList();
for (const [network, prefix, family] of REFUSED) blocked.addSubnet(network, prefix, family);

/** True for an address a webhook may be sent to (a literal IPv4 or IPv6 address). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolution = { ok: true; addresses: ResolvedAddress[] } | { ok: false; reason: 'private' | 'unknown-host' };

/**
 * The addresses a URL's host stands for, when every one of them may be reached: a host with one private
 * address among public ones is refused as a whole (a resolver may answer either).
 */
export async function resolveHost(hostname: string, allowPrivate: boolean): Promise<Resolution> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => ({
        address: entry.address,
        family: entry.family as 4 | 6,
      }));
    } catch {
      return { ok: false, reason: 'unknown-host' };
    }
    if (addresses.length === 0) return { ok: false, reason: 'unknown-host' };
  }
  if (!allowPrivate && addresses.some((entry) => !isPublicAddress(entry.address))) {
    return { ok: false, reason: 'private' };
  }
  return { ok: true, addresses };
}
