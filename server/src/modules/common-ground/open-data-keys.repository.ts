import { randomBytes } from 'node:crypto';
import { one, run, type Executor } from '../../database/sql.js';

/** A row of `open_data_keys`. */
export interface OpenDataKeyRow {
  name: string;
  secret: Buffer;
  created_at: Date;
}

/** `open_data_keys` (owned by the common-ground module): secrets for pseudonyms, made once, kept in the database. */
export class OpenDataKeysRepository {
  /** The named secret, made (32 random bytes) on first use. */
  async secret(executor: Executor, name: string): Promise<Buffer> {
    await run(executor, 'INSERT INTO open_data_keys (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(32),
    ]);
    const row = await one<Pick<OpenDataKeyRow, 'secret'>>(
      executor,
      'SELECT secret FROM open_data_keys WHERE name = $1',
      [name],
    );
    return row!.secret;
  }
}

export const openDataKeysRepository = new OpenDataKeysRepository();
