// npm run admin -- <command>: accounts, roles and agencies from the command line (see --help).
import { buildIfStale, run } from './lib.mjs';

buildIfStale({ quiet: true });
run(process.execPath, ['server/dist/server/src/cli/admin.js', ...process.argv.slice(2)]);
