import { LIMITS } from '@consulta/shared';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type Variables = Record<string, unknown> | undefined;

/** What a document asks for, measured in one pass: each fragment is walked once, whatever spreads it. */
export interface SelectionFigures {
  /** Levels of fields below this selection set. */
  depth: number;
  /** Each field 1, what lies under a list multiplied by its page size. */
  cost: number;
}

/** Selections of the document looked at, each once: the measure of the checks' own work. */
export interface Analysis {
  figures: SelectionFigures;
  visited: number;
}

const NONE: SelectionFigures = { depth: 0, cost: 0 };

/**
 * Plain lists (not connections, no `first`) hold as many items as these say, as far as anyone has seen;
 * every other plain list of objects counts as a page of the default size.
 */
const PLAIN_LIST_SIZES: Record<string, number> = {
  'Viewer.memberships': 5,
  'Idea.responses': 5,
};

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Measures one operation. Types come from the schema where it is given (needed for the cost: which fields
 * are lists, and the page size an argument takes by default); without it only the depth is right.
 * Linear in the document's size: a fragment's figures are computed once and reused at every spread, and a
 * fragment that spreads itself (refused by validation anyway) counts as nothing.
 */
export class DocumentAnalyser {
  private readonly memo = new Map<string, SelectionFigures>();
  private readonly walking = new Set<string>();
  private visited = 0;
  private readonly variables: Record<string, unknown>;

  constructor(
    private readonly schema: GraphQLSchema | null,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    operation: OperationDefinitionNode,
    variables: Variables,
  ) {
    // A variable's value is what the request gives, or else the default the operation declares.
    this.variables = { ...variables };
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (this.variables[name] === undefined && definition.defaultValue) {
        this.variables[name] = valueFromASTUntyped(definition.defaultValue);
      }
    }
  }

  static measure(
    schema: GraphQLSchema | null,
    fragments: Map<string, FragmentDefinitionNode>,
    operation: OperationDefinitionNode,
    variables: Variables,
  ): Analysis {
    const analyser = new DocumentAnalyser(schema, fragments, operation, variables);
    const root = schema?.getRootType(operation.operation) ?? null;
    const figures = analyser.selection(operation.selectionSet, root);
    return { figures, visited: analyser.visited };
  }

  private selection(selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | null): SelectionFigures {
    if (!selectionSet) return NONE;
    let depth = 0;
    let cost = 0;
    for (const node of selectionSet.selections) {
      this.visited++;
      let part: SelectionFigures;
      if (node.kind === Kind.FIELD) {
        if (node.name.value.startsWith('__')) continue;
        part = this.field(node, parent);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        const type = node.typeCondition ? this.compositeType(node.typeCondition.name.value) : parent;
        part = this.selection(node.selectionSet, type);
      } else {
        part = this.fragment(node.name.value);
      }
      depth = Math.max(depth, part.depth);
      cost += part.cost;
    }
    return { depth, cost };
  }

  private fragment(name: string): SelectionFigures {
    const known = this.memo.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    if (!definition || this.walking.has(name)) return NONE;
    this.walking.add(name);
    const figures = this.selection(definition.selectionSet, this.compositeType(definition.typeCondition.name.value));
    this.walking.delete(name);
    this.memo.set(name, figures);
    return figures;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType | null): SelectionFigures {
    const definition = parent && 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    const type = definition ? getNamedType(definition.type) : null;
    const composite = type && isCompositeType(type) ? type : null;
    const children = this.selection(node.selectionSet, composite);
    const multiplier = this.multiplier(
      node,
      definition,
      isConnection(composite),
      isConnection(parent),
      `${parent?.name}.${node.name.value}`,
    );
    return { depth: 1 + children.depth, cost: 1 + children.cost * multiplier };
  }

  /**
   * How many times what lies under a field is fetched: the page size for connections and paged lists
   * (however `first` arrives: literal, variable, the variable's default, the argument's default), the
   * default page size for a plain list of objects, 1 for a connection's edges (already counted by the
   * connection) and everything else.
   */
  private multiplier(
    node: FieldNode,
    definition: GraphQLField<unknown, unknown> | undefined,
    connection: boolean,
    insideConnection: boolean,
    key: string,
  ): number {
    const first = this.firstOf(node, definition);
    if (first !== null) return Math.min(Math.max(first, 1), LIMITS.page.maxSize);
    if (connection) return LIMITS.page.defaultSize;
    const listOfObjects =
      !!definition && isListType(getNullableType(definition.type)) && isCompositeType(getNamedType(definition.type));
    if (listOfObjects && !insideConnection) return PLAIN_LIST_SIZES[key] ?? LIMITS.page.defaultSize;
    return 1;
  }

  private firstOf(node: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number | null {
    const given = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
    let value: unknown;
    if (given?.kind === Kind.INT) value = Number(given.value);
    else if (given?.kind === Kind.VARIABLE) value = this.variables[given.name.value];
    if (value === undefined || value === null) {
      value = definition?.args.find((argument) => argument.name === 'first')?.defaultValue;
    }
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  private compositeType(name: string): GraphQLCompositeType | null {
    const type = this.schema?.getType(name);
    return type && isCompositeType(type) ? type : null;
  }
}

const isConnection = (type: GraphQLCompositeType | null): boolean => !!type && type.name.endsWith('Connection');

/**
 * The root fields an operation runs, by field name: each response key once, as execution merges them
 * (`a: signUp` twice is one signUp, `a: signUp b: signUp` two), through fragments, each fragment once.
 */
export function rootFieldsByName(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): Map<string, number> {
  const keys = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const node of selectionSet.selections) {
      if (node.kind === Kind.FIELD) {
        const name = node.name.value;
        if (!keys.has(name)) keys.set(name, new Set());
        keys.get(name)!.add(node.alias?.value ?? name);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        walk(node.selectionSet);
      } else if (!seen.has(node.name.value)) {
        seen.add(node.name.value);
        const fragment = fragments.get(node.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return new Map([...keys].map(([name, aliases]) => [name, aliases.size]));
}

/** How many root fields an operation runs (aliases and fragments included): what the per-address limit counts. */
export function rootFieldCount(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  let count = 0;
  for (const [name, times] of rootFieldsByName(operation, fragments)) if (!name.startsWith('__')) count += times;
  return Math.max(1, count);
}
