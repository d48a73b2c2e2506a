import type { INestApplicationContext } from '@nestjs/common';
import type { ResolvedDatabase } from './database/resolve-database.js';

/** On SIGINT or SIGTERM (once): closes the application, then the embedded database if any, and exits 0. */
export function closeOnSignals(app: INestApplicationContext, database: ResolvedDatabase): void {
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
