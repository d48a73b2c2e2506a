import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPrintedSchema } from './schema-printer.js';
import { REPO_ROOT } from '../config/config.js';

/** Writes the server's printed GraphQL schema to server/schema.graphql (committed; the contract test reads it). */
const target = resolve(REPO_ROOT, 'server/schema.graphql');
writeFileSync(target, await buildPrintedSchema());
process.stdout.write(`Wrote ${target}\n`);
process.exit(0);
