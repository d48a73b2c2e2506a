import type { RateLimitService } from './rate-limit.service.js';

/** A process claims at most this share of what a key still has left in its window, ahead of use. */
const LEASE_SHARE = 64;
/** Past this many keys held, the ones whose window is over are dropped. */
const KEEP_KEYS = 10_000;

interface Lease {
  /** Units claimed from the shared counter, within the limit, not yet used by a request. */
  units: number;
  /** The shared count after this process's last claim. */
  count: number;
  /** When the shared window of the last claim ends (ms since the epoch); the units go with it. */
  endsAt: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The per-request limits' counters, claimed from the shared counters in PostgreSQL in blocks: a process takes
 * ahead at most 1/64 of what a key still has left in its window, and serves requests from what it took
 * until it runs out. Every unit is counted in the shared counter before a request uses it, so processes
 * together never let more through than the limit; a block shrinks to one unit as a key nears its limit, so
 * units claimed but unused by one process can refuse another only by a few (at most one per process near
 * the limit). A busy address costs one statement per block, not one per request.
 */
export class LeasedCounters {
  private readonly leases = new Map<string, Lease>();

  constructor(
    private readonly counters: RateLimitService,
    private readonly windowSeconds: number,
  ) {}

  /** Takes `units` of `key`'s `limit` for this window; refused (with the wait) only once the limit is passed. */
  async take(key: string, limit: number, units: number): Promise<Take> {
    for (;;) {
      const lease = this.current(key);
      if (lease && lease.units >= units) {
        lease.units -= units;
        return { allowed: true };
      }
      const ahead = Math.floor((limit - (lease?.count ?? 0)) / LEASE_SHARE);
      const claim = Math.max(units - (lease?.units ?? 0), ahead, 1);
      const hit = await this.counters.hit(key, this.windowSeconds, claim);
      // Of the units claimed, those at or under the limit may be used; the rest were over it.
      const within = Math.max(0, Math.min(claim, limit - (hit.count - claim)));
      // Other requests may have claimed or used units for the key meanwhile: what is left of theirs stays.
      const now = this.current(key);
      if (!now && this.leases.size >= KEEP_KEYS) this.dropEnded();
      this.leases.set(key, {
        units: (now?.units ?? 0) + within,
        count: Math.max(hit.count, now?.count ?? 0),
        endsAt: Date.now() + hit.retryAfterSeconds * 1000,
      });
      // A claim wholly within the limit that still falls short (others used the units meanwhile) claims again.
      if (within < claim && this.current(key)!.units < units)
        return { allowed: false, retryAfterSeconds: hit.retryAfterSeconds };
    }
  }

  private current(key: string): Lease | undefined {
    const lease = this.leases.get(key);
    return lease && lease.endsAt > Date.now() ? lease : undefined;
  }

  private dropEnded(): void {
    const now = Date.now();
    for (const [key, lease] of this.leases) if (lease.endsAt <= now) this.leases.delete(key);
  }
}
