import { parseArgs } from 'node:util';
import { DatabaseService } from '../database/database.service.js';
import { outboxRepository as outbox } from '../events/outbox.repository.js';
import { cliConfig, runCommand, withApp } from './with-app.js';

const USAGE = `Usage: npm run events [-- --retry EVENT_ID [--subscriber NAME]]

  (no option)        print the domain events' backlog and every parked delivery
  --retry EVENT_ID   make the event's parked deliveries pending again (the workers deliver them)
  --subscriber NAME  only this subscriber's delivery

Acts on DATABASE_URL, or on the embedded database when it is unset.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { retry: { type: 'string' }, subscriber: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return withApp(cliConfig(), async (app) => {
    const db = app.get(DatabaseService).dataSource;
    if (values.retry) {
      if (!/^\d+$/.test(values.retry)) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const count = await outbox.retryParked(db, values.retry, values.subscriber ?? null);
      process.stdout.write(
        `${count} parked deliver${count === 1 ? 'y' : 'ies'} of event ${values.retry} queued again\n`,
      );
      return count > 0 ? 0 : 1;
    }
    const backlog = await outbox.backlog(db);
    process.stdout.write(
      `backlog ${backlog.backlog}, parked ${backlog.parked}, oldest pending ${backlog.oldestPendingSeconds ?? '-'} s\n`,
    );
    for (const parked of await outbox.parked(db)) {
      process.stdout.write(
        `parked  event ${parked.eventId} ${parked.type} of ${parked.aggregateId} for ${parked.subscriber}: ${parked.attempts} attempts, ${parked.lastError ?? ''}\n`,
      );
    }
    return 0;
  });
}

runCommand(main);
