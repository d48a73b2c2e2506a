// npm run migrate / migrate:revert: apply every pending migration, or revert the last one.
import { buildIfStale, run } from './lib.mjs';

buildIfStale({ quiet: true });
run(process.execPath, ['server/dist/server/src/cli/migrate.js', ...process.argv.slice(2)]);
