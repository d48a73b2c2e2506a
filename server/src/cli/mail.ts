import { parseArgs } from 'node:util';
import { DatabaseService } from '../database/database.service.js';
import { mailRepository } from '../modules/mail/mail.repository.js';
import { cliConfig, runCommand, withApp } from './with-app.js';

const USAGE = `Usage: npm run mail

  Prints the messages that could not be sent (refused by the mail server, or still failing after every
  retry), newest first: when, to whom, what, how many tries and the server's last answer.

Acts on DATABASE_URL, or on the embedded database when it is unset.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return withApp(cliConfig(), async (app) => {
    const failed = await mailRepository.failed(app.get(DatabaseService).dataSource, 100);
    process.stdout.write(`${failed.length} failed message${failed.length === 1 ? '' : 's'}\n`);
    for (const mail of failed) {
      process.stdout.write(
        `${mail.created_at.toISOString()} ${mail.kind} to ${mail.to_address}: ${mail.attempts} tries, ${mail.last_error ?? ''}\n`,
      );
    }
    return 0;
  });
}

runCommand(main);
