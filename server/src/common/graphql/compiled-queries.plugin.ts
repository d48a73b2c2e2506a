import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from './graphql-context.js';

/** How often a query document is asked for before it runs compiled, and how many compiled ones are kept. */
export interface CompiledQueriesOptions {
  after: number;
  keep: number;
}

/** A compiled query: a closure over its document, run as (root, context, variables). */
type Run = CompiledQuery['query'];

const answered = new WeakSet<object>();

/** Whether this request's answer came from a compiled query (its log line says so). */
export function answeredCompiled(request: object): boolean {
  return answered.has(request);
}

/**
 * Hot query documents run compiled (graphql-jit): the same resolvers, the same schema, no per-field walk of
 * the document. A document runs compiled once it has been asked for `after` times, so one-off documents never
 * pay for compiling, and at most `keep` are kept (least recently used first out). Only a compiled answer
 * without errors is sent; any error, and every mutation and subscription, goes through the standard executor,
 * so every error a client sees is formatted, logged and counted the one way. Queries only read, so running
 * one again after an error changes nothing. The server sets no root value (every resolver is the schema's
 * own, as Nest builds it), so a compiled query runs on none either.
 */
export function compiledQueriesPlugin(options: CompiledQueriesOptions): ApolloServerPlugin<GraphQLContext> {
  // Both maps are kept in order of last use (the first key goes out first) and bounded.
  const seen = new Map<string, number>();
  const compiled = new Map<string, Run | null>();
  const use = <V>(map: Map<string, V>, key: string, value: V, most: number) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > most) map.delete(map.keys().next().value!);
    return value;
  };

  /** The compiled query for `key`, compiled now if it has been asked for often enough; null: not (yet). */
  const lookUp = (key: string, compile: () => Run | null): Run | null => {
    const found = compiled.get(key);
    if (found !== undefined) return use(compiled, key, found, options.keep);
    const times = (seen.get(key) ?? 0) + 1;
    if (times <= options.after) {
      use(seen, key, times, options.keep * 4);
      return null;
    }
    seen.delete(key);
    return use(compiled, key, compile(), options.keep);
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, schema, contextValue, request, queryHash }) {
          if (operation.operation !== 'query') return null;
          const key = `${queryHash}:${request.operationName ?? ''}`;
          const run = lookUp(key, () => {
            const made = compileQuery(schema, document, request.operationName ?? undefined);
            // The compiled function is a closure over its document: it needs no `this`.
            return isCompiledQuery(made) ? made.query : null;
          });
          if (!run) return null;
          const result = await run(undefined, contextValue, request.variables ?? {});
          if (result.errors?.length) return null;
          answered.add(contextValue.req);
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
        },
      };
    },
  };
}
