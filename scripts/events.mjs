// npm run events [-- --retry EVENT_ID]: the domain events' backlog and parked deliveries.
import { buildIfStale, run } from './lib.mjs';

buildIfStale({ quiet: true });
run(process.execPath, ['server/dist/server/src/cli/events.js', ...process.argv.slice(2)]);
