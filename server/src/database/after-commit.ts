import type { NewDomainEvent } from '../events/domain-events.js';
import type { EntityManager } from 'typeorm';

const pending = new WeakMap<EntityManager, Array<() => void>>();
const recorded = new WeakMap<EntityManager, NewDomainEvent[]>();

/**
 * Called by DatabaseService.transaction: collects what must happen once this attempt commits, and the
 * domain events it records (which the process then tells its live subscribers of).
 */
export function openCommitHooks(manager: EntityManager): { hooks: Array<() => void>; events: NewDomainEvent[] } {
  const hooks: Array<() => void> = [];
  const events: NewDomainEvent[] = [];
  pending.set(manager, hooks);
  recorded.set(manager, events);
  return { hooks, events };
}

/** Notes the domain events recorded with `executor`, when it is a transaction of DatabaseService. */
export function noteRecorded(executor: unknown, events: readonly NewDomainEvent[]): void {
  recorded.get(executor as EntityManager)?.push(...events);
}

/**
 * Runs `hook` once the transaction of `manager` has committed (never for an attempt that rolled back or
 * is retried); at once when `manager` is not in a transaction of DatabaseService. For log lines and
 * other effects that must not happen twice or for nothing.
 */
export function afterCommit(manager: EntityManager, hook: () => void): void {
  const hooks = pending.get(manager);
  if (hooks) hooks.push(hook);
  else hook();
}
