import { LIMITS } from '@consulta/shared';
import {
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;
type Variables = Record<string, unknown> | undefined;

function firstArgument(value: ValueNode | undefined, variables: Variables): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'number' ? given : null;
  }
  return null;
}

function costOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Fragments,
  variables: Variables,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const children = costOf(selection.selectionSet, fragments, variables, seen);
      const first = firstArgument(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables);
      const isConnection = selection.selectionSet?.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === 'edges',
      );
      const multiplier =
        first !== null ? Math.min(Math.max(first, 1), LIMITS.page.maxSize) : isConnection ? LIMITS.page.defaultSize : 1;
      cost += 1 + children * multiplier;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += costOf(selection.selectionSet, fragments, variables, seen);
    } else if (!seen.has(selection.name.value)) {
      const fragment = fragments[selection.name.value];
      cost += costOf(fragment?.selectionSet, fragments, variables, new Set([...seen, selection.name.value]));
    }
  }
  return cost;
}

/** A static estimate of the work a query asks for: each field 1, lists multiplied by their page size. */
export function operationCost(operation: OperationDefinitionNode, fragments: Fragments, variables: Variables): number {
  return costOf(operation.selectionSet, fragments, variables, new Set());
}

/** How many root fields an operation runs (aliases and fragments included): what rate limits count. */
export function rootFieldCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  const count = (selectionSet: SelectionSetNode, seen: Set<string>): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (selection.name.value.startsWith('__') ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(selection.name.value)) return total;
      return total + count(fragment.selectionSet, new Set([...seen, selection.name.value]));
    }, 0);
  return Math.max(1, count(operation.selectionSet, new Set()));
}
