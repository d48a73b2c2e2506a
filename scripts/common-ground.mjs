// npm run common-ground -- --campaign SLUG [--from FILE]: recompute and print a campaign's common ground.
import { buildIfStale, run } from './lib.mjs';

buildIfStale({ quiet: true });
run(process.execPath, ['server/dist/server/src/cli/common-ground.js', ...process.argv.slice(2)]);
