import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
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
  const seen = new Map<string, number>();
  const compiled = new Map<string, Run | null>();
  let compiledAgainst: GraphQLSchema | null = null;

  const lookUp = (schema: GraphQLSchema, key: string, compile: () => Run | null) => {
    if (compiledAgainst !== schema) {
      compiled.clear();
      seen.clear();
      compiledAgainst = schema;
    }
    const found = compiled.get(key);
    if (found !== undefined) {
      // Most recently used last: the map's order is its eviction order.
      compiled.delete(key);
      compiled.set(key, found);
      return found;
    }
    const times = (seen.get(key) ?? 0) + 1;
    if (times <= options.after) {
      seen.delete(key);
      seen.set(key, times);
      if (seen.size > options.keep * 4) seen.delete(seen.keys().next().value!);
      return null;
    }
    seen.delete(key);
    const made = compile();
    compiled.set(key, made);
    if (compiled.size > options.keep) compiled.delete(compiled.keys().next().value!);
    return made;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, schema, contextValue, request, queryHash }) {
          if (operation.operation !== 'query') return null;
          const key = `${queryHash}:${request.operationName ?? ''}`;
          const run = lookUp(schema, key, () => {
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
