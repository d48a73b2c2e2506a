import { one, run, type Executor } from '../../database/sql.js';

export type TokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'CHANGE_EMAIL';

/** A row of `account_tokens`: an emailed link's token, by its SHA-256. */
export interface AccountTokenRow {
  id: string;
  user_id: string;
  purpose: TokenPurpose;
  token_hash: Buffer;
  email: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

/** Every statement on `account_tokens` (owned by the users module). */
export class AccountTokensRepository {
  async insert(
    executor: Executor,
    token: { userId: string; purpose: TokenPurpose; tokenHash: Buffer; email: string; validHours: number },
  ): Promise<void> {
    await run(
      executor,
      `INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))`,
      [token.userId, token.purpose, token.tokenHash, token.email, token.validHours],
    );
  }

  /** The token's row if it is of this purpose, unused and unexpired (read only: see consume). */
  findUsable(executor: Executor, purpose: TokenPurpose, tokenHash: Buffer): Promise<AccountTokenRow | undefined> {
    return one<AccountTokenRow>(
      executor,
      `SELECT * FROM account_tokens
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash, purpose],
    );
  }

  /**
   * Uses the token: marks it used if it is of this purpose, unused and unexpired, in one statement (two
   * requests with one token cannot both use it), and answers its row; undefined otherwise.
   */
  consume(executor: Executor, purpose: TokenPurpose, tokenHash: Buffer): Promise<AccountTokenRow | undefined> {
    return one<AccountTokenRow>(
      executor,
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING *`,
      [tokenHash, purpose],
    );
  }

  /** Ends the person's other unused tokens of this purpose (a password was reset: older links stop working). */
  async revokeUnused(executor: Executor, userId: string, purpose: TokenPurpose): Promise<void> {
    await run(
      executor,
      'UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
      [userId, purpose],
    );
  }

  async deleteAllOf(executor: Executor, userId: string): Promise<void> {
    await run(executor, 'DELETE FROM account_tokens WHERE user_id = $1', [userId]);
  }
}

export const accountTokensRepository = new AccountTokensRepository();
