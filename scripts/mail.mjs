// npm run mail: the messages that could not be sent (status FAILED), newest first.
import { buildIfStale, run } from './lib.mjs';

buildIfStale({ quiet: true });
run(process.execPath, ['server/dist/server/src/cli/mail.js', ...process.argv.slice(2)]);
