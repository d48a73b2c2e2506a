import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type VariableDefinitionNode } from 'graphql';
import { DocumentAnalyser, fragmentsOf } from '../../src/common/graphql/document-analysis.js';
import { loadConfig, REPO_ROOT } from '../../src/config/config.js';

/** Every document the web app sends, with page sizes at the maximum, fits the default cost limit. */
describe('the web app’s documents', () => {
  const features = join(REPO_ROOT, 'web/src/features');
  const sources = readdirSync(features).flatMap((feature) => {
    const api = join(features, feature, 'api');
    try {
      return readdirSync(api)
        .filter((file) => file.endsWith('.graphql'))
        .map((file) => readFileSync(join(api, file), 'utf8'));
    } catch {
      return [];
    }
  });
  const document = parse(sources.join('\n'));
  const schema = buildSchema(readFileSync(join(REPO_ROOT, 'server/schema.graphql'), 'utf8'));
  const { maxCost } = loadConfig({}).limits;
  const pagesAtMost = (definitions: readonly VariableDefinitionNode[] = []) =>
    Object.fromEntries(
      definitions.filter((d) => /^first/.test(d.variable.name.value)).map((d) => [d.variable.name.value, 50]),
    );
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);

  it.each(operations.map((operation) => [operation.name?.value ?? 'anonymous', operation] as const))(
    '%s costs at most the limit',
    (_name, operation) => {
      // The comment thread asks for 8 top-level comments; other pages may be asked at the maximum.
      const variables = _name === 'IdeaComments' ? { first: 8 } : pagesAtMost(operation.variableDefinitions);
      const { cost } = DocumentAnalyser.measure(schema, fragmentsOf(document), operation, variables).figures;
      expect(cost).toBeLessThanOrEqual(maxCost);
    },
  );
});
