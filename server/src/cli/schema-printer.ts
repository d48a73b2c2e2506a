import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createApp } from '../app.factory.js';
import { JsonLogger } from '../common/logging/json-logger.js';
import { loadConfig } from '../config/config.js';

/**
 * The printed schema of the application, built without connecting anywhere: the data source is
 * created lazily and never initialised here.
 */
export async function buildPrintedSchema(): Promise<string> {
  const config = { ...loadConfig({}), webDist: '/nonexistent', runMigrations: false, workers: false };
  const app = await createApp(
    config,
    'postgresql://127.0.0.1:1/none',
    new JsonLogger('error', (line) => process.stderr.write(line)),
  );
  try {
    return `${printSchema(app.get(GraphQLSchemaHost).schema)}\n`;
  } finally {
    await app.close();
  }
}
