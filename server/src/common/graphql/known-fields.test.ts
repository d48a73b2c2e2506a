import { buildSchema, graphql, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { answerKnownFields, withKnownFields } from './known-fields.js';

describe('known fields', () => {
  const calls: string[] = [];
  const schema = buildSchema(`
    type Person { name: String }
    type Idea { title: String, author: Person, vote: Int, note(lang: String): String, constructor: String }
    type Query { ideas: [Idea] }
  `);
  const fields = schema.getType('Idea') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  const resolved = (name: string, value: unknown) => {
    fields.getFields()[name]!.resolve = (parent: { title: string }) => {
      calls.push(`${name}:${parent.title}`);
      return value;
    };
  };
  resolved('author', { name: 'From the resolver' });
  resolved('vote', 5);
  resolved('note', 'resolved note');
  resolved('constructor', 'resolved constructor');
  (schema.getQueryType()!.getFields().ideas as { resolve?: unknown }).resolve = () => [
    withKnownFields({ title: 'known' }, { author: { name: 'Read with the page' }, vote: null, note: 'not used' }),
    { title: 'plain' },
  ];
  answerKnownFields(schema);
  const source = '{ ideas { title author { name } vote note(lang: "en") constructor } }';
  const expected = {
    ideas: [
      {
        title: 'known',
        author: { name: 'Read with the page' },
        vote: null,
        note: 'resolved note',
        constructor: 'resolved constructor',
      },
      {
        title: 'plain',
        author: { name: 'From the resolver' },
        vote: 5,
        note: 'resolved note',
        constructor: 'resolved constructor',
      },
    ],
  };
  beforeEach(() => calls.splice(0));

  it('answer with what the parent knows, null included, and run the resolver otherwise', async () => {
    const result = await graphql({ schema, source });
    expect(result).toEqual({ data: expected });
    // Fields with arguments, and names the known values only inherit, always run their resolver.
    expect(calls.sort()).toEqual(
      ['author:plain', 'constructor:known', 'constructor:plain', 'note:known', 'note:plain', 'vote:plain'].sort(),
    );
  });

  it('answer the same way in a compiled query', async () => {
    const compiled = compileQuery(schema, parse(source));
    expect(isCompiledQuery(compiled)).toBe(true);
    const run = isCompiledQuery(compiled) ? compiled.query : () => ({});
    expect(await run(undefined, {}, {})).toEqual({ data: expected });
    expect(calls).not.toContain('author:known');
    expect(calls).toContain('author:plain');
  });
});
