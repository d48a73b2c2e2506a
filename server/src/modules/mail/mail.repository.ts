import { one, rows, run, type Executor } from '../../database/sql.js';

export type MailStatus = 'QUEUED' | 'SENT' | 'FAILED';

/** A row of `outgoing_mail`: one message, from queued to sent or failed. */
export interface MailRow {
  id: string;
  to_address: string;
  kind: string;
  language: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  message_id: string;
  /** Notification mail: where one click unsubscribes (List-Unsubscribe, RFC 8058). */
  unsubscribe_url: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface NewMail {
  to: string;
  kind: string;
  language: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  unsubscribeUrl?: string | null;
}

/** Every statement on `outgoing_mail` (owned by the mail module). */
export class MailRepository {
  async insert(executor: Executor, mail: NewMail): Promise<string> {
    return (await this.insertMany(executor, [mail]))[0]!;
  }

  /** Many messages in one statement; answers their ids. */
  async insertMany(executor: Executor, mails: NewMail[]): Promise<string[]> {
    if (mails.length === 0) return [];
    const column = <K extends keyof NewMail>(key: K) => mails.map((mail) => mail[key] ?? null);
    const inserted = await rows<Pick<MailRow, 'id'>>(
      executor,
      `INSERT INTO outgoing_mail (to_address, kind, language, subject, text_body, html_body, message_id, unsubscribe_url)
       SELECT * FROM unnest($1::citext[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       RETURNING id`,
      [
        column('to'),
        column('kind'),
        column('language'),
        column('subject'),
        column('text'),
        column('html'),
        column('messageId'),
        column('unsubscribeUrl'),
      ],
    );
    return inserted.map((row) => row.id);
  }

  /** The queued ones of these messages. */
  queued(executor: Executor, ids: string[]): Promise<MailRow[]> {
    return rows<MailRow>(executor, "SELECT * FROM outgoing_mail WHERE id = ANY ($1::uuid[]) AND status = 'QUEUED'", [
      ids,
    ]);
  }

  /** Many messages sent at once (see finish). */
  async sentMany(executor: Executor, ids: string[], keepBodies: boolean, attempts: number): Promise<void> {
    if (ids.length === 0) return;
    await run(
      executor,
      `UPDATE outgoing_mail SET status = 'SENT', attempts = $3, last_error = NULL, sent_at = now(),
              text_body = CASE WHEN $2 THEN text_body END, html_body = CASE WHEN $2 THEN html_body END
        WHERE id = ANY ($1::uuid[])`,
      [ids, keepBodies, attempts],
    );
  }

  async find(executor: Executor, id: string): Promise<MailRow | null> {
    return (await one<MailRow>(executor, 'SELECT * FROM outgoing_mail WHERE id = $1', [id])) ?? null;
  }

  /** The newest messages first. */
  recent(executor: Executor, limit: number): Promise<MailRow[]> {
    return rows<MailRow>(executor, 'SELECT * FROM outgoing_mail ORDER BY created_at DESC, id DESC LIMIT $1', [limit]);
  }

  /** The newest failed messages first (for admins: `npm run mail`). */
  failed(executor: Executor, limit: number): Promise<MailRow[]> {
    return rows<MailRow>(
      executor,
      "SELECT * FROM outgoing_mail WHERE status = 'FAILED' ORDER BY created_at DESC LIMIT $1",
      [limit],
    );
  }

  /** Sent, or failed for good; `keepBodies` false clears what may carry a link's token. */
  async finish(
    executor: Executor,
    id: string,
    outcome: { status: 'SENT' | 'FAILED'; error?: string; keepBodies: boolean; attempts?: number },
  ): Promise<void> {
    await run(
      executor,
      `UPDATE outgoing_mail
          SET status = $2, attempts = coalesce($5, attempts + 1), last_error = left($3, 1000),
              sent_at = CASE WHEN $2 = 'SENT' THEN now() END,
              text_body = CASE WHEN $4 THEN text_body END, html_body = CASE WHEN $4 THEN html_body END
        WHERE id = $1`,
      [id, outcome.status, outcome.error ?? null, outcome.keepBodies, outcome.attempts ?? null],
    );
  }
}

export const mailRepository = new MailRepository();
