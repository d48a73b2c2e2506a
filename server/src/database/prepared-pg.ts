import { createHash } from 'node:crypto';
import pg from 'pg';

/** Distinct statements one connection keeps prepared; past it, further ones run unnamed as before. */
const MAX_PER_CONNECTION = 300;
const names = new Map<string, string>();
/** Statements whose prepared form went stale: every connection runs them unnamed from then on. */
const stale = new Set<string>();

/**
 * Starts a statement whose best plan depends on its values (full-text and similarity search: a common
 * word matches thousands of rows, a rare one three), so PostgreSQL plans it for each call instead of
 * settling on one generic plan.
 */
export const PLANNED_EACH_TIME = '/* planned each time */ ';

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `c${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size < 10 * MAX_PER_CONNECTION) names.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL refuses to run a prepared statement whose result columns changed since it was prepared (a
 * migration added a column to a table read with `*`, while this process ran).
 */
export function isStalePlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '0A000' && /cached plan must not change result type/.test(message ?? '');
}

/**
 * A pg client that prepares each parameterized statement once per connection and then only binds and runs
 * it, so PostgreSQL neither parses nor (once it settles on a generic plan) plans the same SQL on every
 * request. Statements without parameters (transaction control, migrations with several statements) and
 * those starting with PLANNED_EACH_TIME run unnamed, as before.
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // pg's query has many overloads; only (text, values) with values is changed.
  override query(...args: any[]): any {
    const [text, values] = args;
    const preparable =
      args.length === 2 &&
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      !text.startsWith(PLANNED_EACH_TIME) &&
      !stale.has(text);
    if (preparable) {
      const name = nameOf(text);
      if (this.prepared.has(name) || this.prepared.size < MAX_PER_CONNECTION) {
        this.prepared.add(name);
        return super.query({ name, text, values }).catch((error: unknown) => {
          if (!isStalePlan(error)) throw error;
          stale.add(text);
          // Outside a transaction, run it again at once; inside one, the transaction is aborted and
          // DatabaseService.transaction starts it again.
          if (this.getTransactionStatus() === 'I') return super.query(text, values);
          throw error;
        });
      }
    }
    return (super.query as (...a: any[]) => any)(...args);
  }
}

/**
 * A connection error as an Error of this realm, its code kept. Node's socket errors are Errors of Node's own
 * realm, which code running in a VM context (Jest's) does not see as instanceof Error; graphql-js would then
 * replace one with "Unexpected error value" and the code that tells an outage from a bug would be lost.
 */
function sameRealm(error: unknown): unknown {
  if (error instanceof Error || error === null || typeof error !== 'object') return error;
  const { message } = error as { message?: unknown };
  return Object.assign(new Error(String(message ?? 'connection failed')), error);
}

class PreparingPool extends pg.Pool {
  constructor(options: pg.PoolConfig = {}) {
    super({ ...options, Client: PreparingClient });
  }

  // Both of pg's forms (callback, promise), with the error rewrapped.
  override connect(...args: any[]): any {
    const [callback] = args;
    if (typeof callback !== 'function') {
      return super.connect().catch((error: unknown) => {
        throw sameRealm(error);
      });
    }
    return super.connect((error, client, done) => callback(error ? sameRealm(error) : error, client, done));
  }
}

/** The pg module as TypeORM loads it, with the preparing client in its pool. */
export const preparingPg = { ...pg, Pool: PreparingPool, Client: PreparingClient };
