import { ApolloServer } from '@apollo/server';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { NotFoundError } from '../errors/domain-error.js';
import type { GraphQLContext } from './graphql-context.js';
import { answeredCompiled, compiledQueriesPlugin } from './compiled-queries.plugin.js';

describe('compiled queries', () => {
  // Resolvers on the schema's fields, as Nest builds it (the server sets no root value).
  const withResolvers = (sdl: string, resolvers: Record<string, Record<string, () => unknown>>) => {
    const schema = buildSchema(sdl);
    for (const [type, fields] of Object.entries(resolvers)) {
      const found = (schema.getType(type) as GraphQLObjectType).getFields();
      for (const [name, resolve] of Object.entries(fields)) found[name]!.resolve = resolve;
    }
    return schema;
  };
  const schema = withResolvers('type Query { a: Int, b: Int, c: Int, fails: Int }', {
    Query: {
      a: () => 1,
      b: () => 2,
      c: () => 3,
      fails: () => {
        throw new NotFoundError('idea');
      },
    },
  });
  let server: ApolloServer<GraphQLContext>;
  beforeAll(async () => {
    server = new ApolloServer<GraphQLContext>({
      schema,
      plugins: [compiledQueriesPlugin({ after: 1, keep: 2 })],
    });
    await server.start();
  });
  afterAll(() => server.stop());

  /** Asks for `query`; true when the compiled query answered it. */
  async function compiled(query: string): Promise<boolean> {
    const req = {};
    const response = await server.executeOperation({ query }, { contextValue: { req } as unknown as GraphQLContext });
    const letter = query.replace(/[{} ]/g, '');
    expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({
      [letter]: { a: 1, b: 2, c: 3 }[letter],
    });
    return answeredCompiled(req);
  }

  it('compile a document once it has been asked for `after` times, and keep at most `keep`', async () => {
    expect(await compiled('{ a }')).toBe(false);
    expect(await compiled('{ a }')).toBe(true);
    expect(await compiled('{ b }')).toBe(false);
    expect(await compiled('{ b }')).toBe(true);
    // A third compiled document puts out the least recently used one, { a }.
    expect(await compiled('{ c }')).toBe(false);
    expect(await compiled('{ c }')).toBe(true);
    expect(await compiled('{ b }')).toBe(true);
    expect(await compiled('{ a }')).toBe(false);
    expect(await compiled('{ a }')).toBe(true);
  });

  it('answer with the standard executor whenever the compiled one met an error', async () => {
    const ask = async () => {
      const req = {};
      const response = await server.executeOperation(
        { query: '{ a fails }' },
        { contextValue: { req } as unknown as GraphQLContext },
      );
      return { req, body: response.body.kind === 'single' ? response.body.singleResult : null };
    };
    for (let i = 0; i < 3; i++) {
      const { req, body } = await ask();
      expect(answeredCompiled(req)).toBe(false);
      expect(body?.data).toEqual({ a: 1, fails: null });
      expect(body?.errors?.[0]?.message).toBe(new NotFoundError('idea').message);
    }
  });

  it('never compile a mutation', async () => {
    const mutating = new ApolloServer<GraphQLContext>({
      schema: withResolvers('type Query { a: Int } type Mutation { m: Int }', {
        Query: { a: () => 1 },
        Mutation: { m: () => 7 },
      }),
      plugins: [compiledQueriesPlugin({ after: 1, keep: 2 })],
    });
    await mutating.start();
    try {
      for (let i = 0; i < 3; i++) {
        const req = {};
        const response = await mutating.executeOperation(
          { query: 'mutation { m }' },
          { contextValue: { req } as unknown as GraphQLContext },
        );
        expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({ m: 7 });
        expect(answeredCompiled(req)).toBe(false);
      }
    } finally {
      await mutating.stop();
    }
  });
});
