// npm run worker: the background workers alone (for deployments that run the API with WORKERS=false).
import { buildIfStale, run } from './lib.mjs';

buildIfStale({ quiet: true });
run(process.execPath, ['server/dist/server/src/cli/worker.js', ...process.argv.slice(2)]);
