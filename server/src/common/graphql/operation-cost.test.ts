import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { operationCost, rootFieldCount } from './operation-cost.js';

function analyse(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { cost: operationCost(operation, fragments, variables), roots: rootFieldCount(operation, fragments) };
}

describe('operation cost', () => {
  it('counts each field once and multiplies lists by their page size', () => {
    expect(analyse('{ viewer { email } }').cost).toBe(2);
    expect(analyse('{ campaigns(first: 10) { edges { node { id title } } } }').cost).toBe(1 + 10 * (1 + (1 + 2)));
    expect(analyse('query ($n: Int) { campaigns(first: $n) { edges { node { id } } } }', { n: 50 }).cost).toBe(
      1 + 50 * 3,
    );
  });

  it('uses the default page size for connections without first, and caps first at the maximum', () => {
    expect(analyse('{ campaigns { edges { node { id } } } }').cost).toBe(1 + 20 * 3);
    expect(analyse('{ campaigns(first: 100000) { edges { node { id } } } }').cost).toBe(1 + 50 * 3);
  });

  it('multiplies nested pages', () => {
    const nested = '{ campaigns(first: 50) { edges { node { ideas(first: 50) { edges { node { id } } } } } } }';
    expect(analyse(nested).cost).toBe(1 + 50 * (1 + (1 + (1 + 50 * 3))));
  });

  it('counts root fields through aliases and fragments', () => {
    expect(analyse('mutation { a: signOut b: signOut c: signOut }').roots).toBe(3);
    expect(
      analyse('query { ...F __typename } fragment F on Query { a: viewer { email } b: viewer { email } }').roots,
    ).toBe(2);
    expect(analyse('{ __typename }').roots).toBe(1);
  });
});
