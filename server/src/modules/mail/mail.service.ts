import { randomUUID } from 'node:crypto';
import type { Language } from '@consulta/shared';
import { Role } from '@consulta/shared';
import { requireRole } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { DatabaseService } from '../../database/database.service.js';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { JsonLogger } from '../../common/logging/json-logger.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { EntityManager } from 'typeorm';
import type { Executor } from '../../database/sql.js';
import { EventDispatcher } from '../../events/event-dispatcher.service.js';
import { outboxRepository } from '../../events/outbox.repository.js';
import type { MailKind } from './mail-messages.js';
import { mailRepository, type MailRow, type NewMail } from './mail.repository.js';
import { renderMail } from './templates.js';

export interface MailRequest {
  to: string;
  kind: MailKind;
  language: Language;
  /** Values the message's words name, such as the person's name. */
  values: Record<string, string>;
  /** The link the message acts through (a path of the site with its query), or null. */
  path: string | null;
  /** Notification mail: the sentences of a digest, and the key of the person's unsubscribe link. */
  items?: string[];
  unsubscribeKey?: string;
}

/** Messages per MailBatchQueued event: sent together, over the pool's connections at once. */
const BATCH = 100;
const CONCURRENCY = 8;

/** SMTP answers 5xx for what will never be accepted; 4xx and lost connections may pass later. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Mail, as a subscriber of its own domain event. A message is rendered and stored in the transaction that
 * asks for it, with a MailQueued event (so it is sent exactly when that commits); the event dispatcher's
 * queue hands it to a worker, which sends it over SMTP (SMTP_URL). A transient failure (4xx, a lost
 * connection) is thrown back and retried with backoff (EVENT_RETRY_SECONDS, doubling); a permanent one
 * (5xx), or the last try, marks it FAILED, listed by `npm run mail`. Each process sends at most
 * MAIL_PER_SECOND. Without SMTP_URL (never in production) messages are kept and shown at /dev/mail.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private transport: Transporter | null = null;
  private nextSlot = 0;

  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly database: DatabaseService,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True when messages are kept for /dev/mail rather than sent. */
  get keptLocally(): boolean {
    return !this.config.mail.smtpUrl;
  }

  onModuleInit(): void {
    void this.dispatcher.subscribe({
      name: 'mail',
      types: ['MailQueued', 'MailBatchQueued'],
      handle: (event, manager) =>
        event.type === 'MailBatchQueued'
          ? this.sendBatch(manager, event.payload.ids)
          : this.send(manager, event.aggregateId, event.attempt),
    });
  }

  /** ADMIN only: messages refused for good, newest first. */
  failed(viewer: RequestViewer, limit: number): Promise<MailRow[]> {
    requireRole(viewer, Role.ADMIN);
    return mailRepository.failed(this.database.dataSource, limit);
  }

  /** Renders the message and queues it within the caller's transaction. */
  async queue(executor: Executor, request: MailRequest): Promise<string> {
    const id = await mailRepository.insert(executor, this.render(request));
    await outboxRepository.record(executor, [{ type: 'MailQueued', aggregateId: id, payload: { kind: request.kind } }]);
    return id;
  }

  /**
   * Many messages (notification mail) in a few statements: stored at once and sent in batches of BATCH,
   * each batch one event whose delivery sends its messages over several connections at once.
   */
  async queueMany(executor: Executor, requests: MailRequest[]): Promise<string[]> {
    const ids = await mailRepository.insertMany(
      executor,
      requests.map((request) => this.render(request)),
    );
    const events = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      events.push({
        type: 'MailBatchQueued' as const,
        aggregateId: randomUUID(),
        payload: { ids: ids.slice(i, i + BATCH) },
      });
    }
    await outboxRepository.record(executor, events);
    return ids;
  }

  private render(request: MailRequest): NewMail {
    const base = this.config.mail.publicUrl;
    const url = request.path === null ? null : `${base}${request.path}`;
    const unsubscribeUrl =
      request.unsubscribeKey === undefined
        ? null
        : `${base}/unsubscribe?token=${encodeURIComponent(request.unsubscribeKey)}`;
    const extras = unsubscribeUrl
      ? { items: request.items, settingsUrl: `${base}/settings`, unsubscribeUrl }
      : { items: request.items };
    const rendered = renderMail(request.kind, request.language, request.values, url, extras);
    return {
      to: request.to,
      kind: request.kind,
      language: request.language,
      ...rendered,
      messageId: `<${randomUUID()}@${new URL(base).hostname}>`,
      unsubscribeUrl,
    };
  }

  /**
   * A batch: what is sent is marked sent together; a permanent failure is marked failed; a transient one
   * goes on alone (its own MailQueued event, retried with backoff like any message).
   */
  private async sendBatch(manager: EntityManager, ids: string[]): Promise<void> {
    const mails = await mailRepository.queued(manager, ids);
    if (this.keptLocally) {
      await mailRepository.sentMany(
        manager,
        mails.map((mail) => mail.id),
        true,
        1,
      );
      return;
    }
    const sent: string[] = [];
    const retry: MailRow[] = [];
    const failed: Array<{ mail: MailRow; error: string }> = [];
    let next = 0;
    const lane = async () => {
      while (next < mails.length) {
        const mail = mails[next++]!;
        await this.waitForSlot();
        try {
          await this.smtp().sendMail(this.message(mail));
          sent.push(mail.id);
        } catch (error) {
          if (permanent(error)) failed.push({ mail, error: error instanceof Error ? error.message : String(error) });
          else retry.push(mail);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, mails.length) }, lane));
    await mailRepository.sentMany(manager, sent, false, 1);
    for (const { mail, error } of failed) await this.markFailed(manager, mail, error, 1);
    await outboxRepository.record(
      manager,
      retry.map((mail) => ({ type: 'MailQueued' as const, aggregateId: mail.id, payload: { kind: mail.kind } })),
    );
  }

  /** One message: sent, failed for good, or thrown back to be tried again later. */
  private async send(manager: EntityManager, id: string, attempt: number): Promise<void> {
    const mail = await mailRepository.find(manager, id);
    if (!mail || mail.status !== 'QUEUED') return;
    if (this.keptLocally) {
      await mailRepository.finish(manager, id, { status: 'SENT', keepBodies: true });
      return;
    }
    await this.waitForSlot();
    try {
      await this.smtp().sendMail(this.message(mail));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!permanent(error) && attempt < this.config.events.maxAttempts) {
        this.logger.emit('info', 'mail not sent yet, will retry', {
          mailId: id,
          kind: mail.kind,
          attempt,
          error: message,
        });
        throw error;
      }
      await this.markFailed(manager, mail, message, attempt);
      return;
    }
    await mailRepository.finish(manager, id, { status: 'SENT', keepBodies: false, attempts: attempt });
  }
  /** Refused for good: marked FAILED (listed for admins), its bodies cleared, and logged. */
  private async markFailed(manager: EntityManager, mail: MailRow, error: string, attempts: number): Promise<void> {
    await mailRepository.finish(manager, mail.id, { status: 'FAILED', error, keepBodies: false, attempts });
    this.logger.emit('warn', 'mail failed', { mailId: mail.id, kind: mail.kind, attempt: attempts, error });
  }

  private message(mail: MailRow): SendMailOptions {
    return {
      from: this.config.mail.from,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body ?? '',
      html: mail.html_body ?? '',
      messageId: mail.message_id,
      headers: {
        'Content-Language': mail.language,
        ...(mail.unsubscribe_url && {
          'List-Unsubscribe': `<${mail.unsubscribe_url}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        }),
      },
    };
  }

  /** One pooled SMTP transport per process (a few connections kept open between messages). */
  private smtp(): Transporter {
    if (!this.transport) {
      const url = new URL(this.config.mail.smtpUrl!);
      if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
      if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', String(CONCURRENCY));
      this.transport = nodemailer.createTransport(url.toString());
    }
    return this.transport;
  }

  /** Spaces this process's sends to MAIL_PER_SECOND. */
  private async waitForSlot(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.config.mail.perSecond;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
