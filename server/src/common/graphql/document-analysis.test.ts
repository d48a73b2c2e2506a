import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildSchema, Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { REPO_ROOT } from '../../config/config.js';
import { DocumentAnalyser, fragmentsOf, rootFieldCount } from './document-analysis.js';
import { fragmentChain } from '../../../test/support/documents.js';

const schema = buildSchema(readFileSync(join(REPO_ROOT, 'server/schema.graphql'), 'utf8'));

function measure(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return DocumentAnalyser.measure(schema, fragmentsOf(document), operation, variables);
}

describe('document analysis', () => {
  it('walks a fragment chain once: the work grows linearly with the number of fragments', () => {
    const visited = [8, 16, 24].map((n) => measure(fragmentChain(n)).visited);
    // The root field and its spread, 2 spreads in each of n - 1 fragments, the leaf: 2n + 1, not 2^n.
    expect(visited).toEqual([17, 33, 49]);
    expect(visited[2]! - visited[1]!).toBe(visited[1]! - visited[0]!);
  });

  it('still counts every path of the chain in the cost, so the chain is refused', () => {
    // agencies is a plain list (default page size 20), each F doubles: 1 + 20 * 2^(n-1).
    expect(measure(fragmentChain(8)).figures.cost).toBe(1 + 20 * 2 ** 7);
    expect(measure(fragmentChain(24)).figures.cost).toBeGreaterThan(1e8);
  });

  it('counts page sizes however they arrive', () => {
    const page = (n: number) => 1 + n * (1 + (1 + 1)); // campaigns > edges > node > id
    expect(measure('{ campaigns(first: 7) { edges { node { id } } } }').figures.cost).toBe(page(7));
    expect(measure('query ($f: Int) { campaigns(first: $f) { edges { node { id } } } }', { f: 9 }).figures.cost).toBe(
      page(9),
    );
    expect(measure('query ($f: Int = 50) { campaigns(first: $f) { edges { node { id } } } }').figures.cost).toBe(
      page(50),
    );
    // The argument's own default (similarIdeas: first = 5).
    expect(measure('{ similarIdeas(campaignId: "x", text: "y") { id } }').figures.cost).toBe(1 + 5);
    // No first on a connection: the default page size; beyond the maximum: the maximum.
    expect(measure('{ campaigns { edges { node { id } } } }').figures.cost).toBe(page(20));
    expect(measure('{ campaigns(first: 100000) { edges { node { id } } } }').figures.cost).toBe(page(50));
  });

  it('multiplies through named and inline fragments, and gives plain lists a real cost', () => {
    const direct = measure(
      '{ campaigns(first: 50) { edges { node { ideas(first: 50) { edges { node { id } } } } } } }',
    );
    const viaFragments = measure(`query ($f: Int = 50) { campaigns(first: $f) { ...C } }
      fragment C on CampaignConnection { edges { node { ... on Campaign { ideas(first: 50) { ...I } } } } }
      fragment I on IdeaConnection { edges { node { id } } }`);
    expect(viaFragments.figures.cost).toBe(direct.figures.cost);
    expect(direct.figures.cost).toBe(1 + 50 * (1 + (1 + (1 + 50 * 3))));
    expect(measure('{ agencies { id name } }').figures.cost).toBe(1 + 20 * 2);
    expect(measure('{ agencies { members { role } } }').figures.cost).toBe(1 + 20 * (1 + 20));
  });

  it('counts root fields through aliases and fragments, each response key once', () => {
    const roots = (source: string) => {
      const document = parse(source);
      const operation = document.definitions.find(
        (d) => d.kind === Kind.OPERATION_DEFINITION,
      ) as OperationDefinitionNode;
      return rootFieldCount(operation, fragmentsOf(document));
    };
    expect(roots('mutation { a: signOut b: signOut c: signOut }')).toBe(3);
    expect(roots('query { ...F __typename } fragment F on Query { a: viewer { email } b: viewer { email } }')).toBe(2);
    expect(roots('query { ...F ...F } fragment F on Query { viewer { email } }')).toBe(1);
    expect(roots('{ __typename }')).toBe(1);
    expect(measure('{ viewer { email } }').figures.cost).toBe(2);
  });

  it('gives a document the same figures as the same document with its fragments inlined', () => {
    // Generated selections over a few real types; each generated document is written twice: with
    // fragments (named per type, spread where the type is reached) and with every spread inlined.
    type Node = { field: string; first?: number; children: Node[] };
    const fieldsOf: Record<string, Array<{ name: string; type: string | null; paged?: boolean }>> = {
      Query: [
        { name: 'agencies', type: 'Agency' },
        { name: 'campaigns', type: 'CampaignConnection', paged: true },
      ],
      Agency: [
        { name: 'id', type: null },
        { name: 'name', type: null },
        { name: 'members', type: 'AgencyMembership' },
      ],
      AgencyMembership: [
        { name: 'role', type: null },
        { name: 'agency', type: 'Agency' },
      ],
      CampaignConnection: [{ name: 'edges', type: 'CampaignEdge' }],
      CampaignEdge: [{ name: 'node', type: 'Campaign' }],
      Campaign: [
        { name: 'title', type: null },
        { name: 'ideas', type: 'IdeaConnection', paged: true },
      ],
      IdeaConnection: [{ name: 'edges', type: 'IdeaEdge' }],
      IdeaEdge: [{ name: 'node', type: 'Idea' }],
      Idea: [
        { name: 'title', type: null },
        { name: 'responses', type: 'OfficialResponse' },
      ],
      OfficialResponse: [{ name: 'body', type: null }],
    };
    const selection = (type: string, depth: number): fc.Arbitrary<Node[]> => {
      // Deep enough, any field; at the bottom, leaves only (__typename is a leaf of every type).
      const choices =
        depth > 0 ? fieldsOf[type]! : [{ name: '__typename', type: null }, ...fieldsOf[type]!.filter((f) => !f.type)];
      return fc.uniqueArray(
        fc.constantFrom(...choices).chain((field) =>
          field.type
            ? fc
                .record({
                  first:
                    'paged' in field && field.paged
                      ? fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined })
                      : fc.constant(undefined),
                  children: selection(field.type, depth - 1),
                })
                .map(({ first, children }) => ({ field: field.name, first, children }))
            : fc.constant<Node>({ field: field.name, children: [] }),
        ),
        { minLength: 1, maxLength: 3, selector: (node) => node.field },
      );
    };

    const write = (nodes: Node[], type: string, fragments: Map<string, string> | null): string => {
      const body = nodes
        .map((node) => {
          const childType = fieldsOf[type]!.find((f) => f.name === node.field)?.type;
          const args = node.first !== undefined ? `(first: ${node.first})` : '';
          if (!childType) return node.field;
          const inner = write(node.children, childType, fragments);
          if (!fragments) return `${node.field}${args} { ${inner} }`;
          const name = `F${fragments.size}`;
          fragments.set(name, `fragment ${name} on ${childType} { ${inner} }`);
          return `${node.field}${args} { ...${name} }`;
        })
        .join(' ');
      return body;
    };

    fc.assert(
      fc.property(selection('Query', 5), (nodes) => {
        const inlined = `{ ${write(nodes, 'Query', null)} }`;
        const fragments = new Map<string, string>();
        const withFragments = `{ ${write(nodes, 'Query', fragments)} } ${[...fragments.values()].join(' ')}`;
        const a = measure(inlined).figures;
        const b = measure(withFragments).figures;
        expect(print(parse(inlined))).toBeTruthy();
        expect(b).toEqual(a);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
