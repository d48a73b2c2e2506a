import type { EntityManager } from 'typeorm';

const pending = new WeakMap<EntityManager, Array<() => void>>();

/** Called by DatabaseService.transaction: collects what must happen once this attempt commits. */
export function openCommitHooks(manager: EntityManager): Array<() => void> {
  const hooks: Array<() => void> = [];
  pending.set(manager, hooks);
  return hooks;
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
