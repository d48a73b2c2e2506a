// npm start: build what is missing or stale, then run the server (embedded PostgreSQL without DATABASE_URL).
import { buildIfStale, run } from './lib.mjs';

buildIfStale();
run(process.execPath, ['server/dist/server/src/main.js', ...process.argv.slice(2)]);
