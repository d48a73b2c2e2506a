import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { DocumentAnalyser, type Analysis } from './document-analysis.js';

type Fragments = Record<string, FragmentDefinitionNode> | Map<string, FragmentDefinitionNode>;
type Variables = Record<string, unknown> | undefined;

function measure(
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
  schema: GraphQLSchema | null,
): Analysis {
  const map = fragments instanceof Map ? fragments : new Map(Object.entries(fragments));
  return DocumentAnalyser.measure(schema, map, operation, variables);
}

/** A static estimate of the work a query asks for: each field 1, lists multiplied by their page size. */
export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Variables,
  schema: GraphQLSchema | null = null,
): number {
  return measure(operation, fragments, variables, schema).figures.cost;
}

/** How many root fields an operation runs (aliases and fragments included): what rate limits count. */
export function rootFieldCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  return Math.max(1, measure(operation, fragments, undefined, null).figures.fields);
}
