import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { LimitsConfig } from '../../config/config.js';

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      const fragment = fragments.get(name);
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

/**
 * A validation rule that refuses documents nested deeper than `maxDepth`, or with more aliases or
 * directives than allowed, before anything runs.
 */
export function documentLimitsRule(limits: Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives'>) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Directive() {
        directives++;
      },
      Document: {
        leave(document) {
          if (aliases > limits.maxAliases) {
            context.reportError(new GraphQLError(`Too many aliases: ${aliases} (at most ${limits.maxAliases}).`));
          }
          if (directives > limits.maxDirectives) {
            context.reportError(
              new GraphQLError(`Too many directives: ${directives} (at most ${limits.maxDirectives}).`),
            );
          }
          const fragments = new Map(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          for (const definition of document.definitions) {
            if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
            const depth = depthOf(definition.selectionSet, fragments, new Set());
            if (depth > limits.maxDepth) {
              context.reportError(
                new GraphQLError(`The query is nested too deeply: ${depth} levels (at most ${limits.maxDepth}).`),
              );
            }
          }
        },
      },
    };
  };
}
