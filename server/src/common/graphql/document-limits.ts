import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';
import type { LimitsConfig } from '../../config/config.js';
import { DocumentAnalyser, fragmentsOf } from './document-analysis.js';

/**
 * A validation rule that refuses documents nested deeper than `maxDepth`, or with more aliases or
 * directives than allowed, before anything runs. Depth is measured in one pass (fragments once each).
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
          const fragments = fragmentsOf(document);
          for (const definition of document.definitions) {
            if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
            const { depth } = DocumentAnalyser.measure(null, fragments, definition, undefined).figures;
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
