import { isLanguage, WebhookEvent } from '@consulta/shared';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Clock } from '../../../common/clock/clock.js';
import { JsonLogger } from '../../../common/logging/json-logger.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.js';
import { DatabaseService } from '../../../database/database.service.js';
import type { Executor } from '../../../database/sql.js';
import { JobQueueService } from '../../../jobs/job-queue.service.js';
import { PollingLoop } from '../../../jobs/polling-loop.js';
import { NO_ANSWER } from '../../mail/mail-messages.js';
import { MailService } from '../../mail/mail.service.js';
import { MAX_ATTEMPTS, retryDelaySeconds, signedHeaders } from './standard-webhooks.js';
import { postWebhook, type PostOutcome } from './webhook-http.js';
import { webhookPayloadsRepository as publicRows } from './webhook-payloads.repository.js';
import { webhooksRepository, type ClaimedDeliveryRow } from './webhooks.repository.js';

/** Deliveries sent at once by each worker process. */
const BATCH = 20;
const IDLE_MS = 500;
/** A claimed delivery is tried again after this if its process dies while sending it. */
const LEASE_SECONDS = 120;
/** A webhook failing this long is turned off and its owner told. */
const FAILING_LIMIT_MS = 3 * 24 * 3600 * 1000;
const KEEP_DAYS = 30;

/**
 * Sends webhook deliveries from worker processes: claims those due (SKIP LOCKED, so processes share the
 * work), sends them at once outside any transaction, and records each outcome. A failure is tried again
 * after a wait that grows fourfold from WEBHOOK_RETRY_BASE_SECONDS, MAX_ATTEMPTS times in all; a webhook
 * whose deliveries have failed for three days is turned off and its owner mailed. Before each attempt the
 * subject is checked to be public still: content hidden since the event is withheld.
 */
@Injectable()
export class WebhookSenderService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private loop: PollingLoop | null = null;

  constructor(
    private readonly database: DatabaseService,
    private readonly jobs: JobQueueService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    void this.jobs.register({
      name: 'webhook-deliveries-prune',
      cron: '17 3 * * *',
      handle: () => webhooksRepository.prune(this.database.dataSource, KEEP_DAYS),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    const work = async () => this.jobs.running && (await this.sendDue()) >= BATCH;
    this.loop = new PollingLoop('webhook delivery', this.logger, work, IDLE_MS);
    this.loop.start();
  }

  /** Sends what is due now; answers how many it claimed. */
  async sendDue(): Promise<number> {
    const claimed = await webhooksRepository.claimDue(this.database.dataSource, this.clock.now(), LEASE_SECONDS, BATCH);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDeliveryRow): Promise<void> {
    const db = this.database.dataSource;
    if (!(await this.stillPublic(db, delivery))) {
      await webhooksRepository.withhold(db, delivery.id);
      return;
    }
    // The id stays the same on every attempt; the timestamp is the attempt's, by the real clock receivers check.
    const headers = signedHeaders(delivery.secret, `msg_${delivery.id}`, Math.floor(Date.now() / 1000), delivery.body);
    const outcome = await postWebhook(delivery.url, delivery.body, headers, {
      allowPrivate: this.config.webhooks.allowPrivateNetworks,
      timeoutMs: this.config.webhooks.timeoutSeconds * 1000,
    });
    const at = this.clock.now();
    const ids = { id: delivery.id, webhookId: delivery.webhook_id };
    if (outcome.failure === null) {
      await webhooksRepository.markSucceeded(db, ids, outcome.status!, at);
      return;
    }
    this.logger.emit('info', 'webhook attempt failed', {
      delivery: delivery.id,
      attempt: delivery.attempts,
      failure: outcome.failure,
      status: outcome.status,
      detail: outcome.detail,
    });
    const retryAt =
      delivery.attempts >= MAX_ATTEMPTS
        ? null
        : new Date(at.getTime() + retryDelaySeconds(delivery.attempts, this.config.webhooks.retryBaseSeconds) * 1000);
    await this.database.transaction(async (manager) => {
      const failingSince = await webhooksRepository.markFailed(
        manager,
        ids,
        { status: outcome.status, failure: outcome.failure!, retryAt },
        at,
      );
      if (at.getTime() - failingSince.getTime() >= FAILING_LIMIT_MS) {
        await this.turnOff(manager, delivery, outcome, at);
      }
    });
  }

  /** The subject as the public sees it now: nothing goes out of what was hidden since the event. */
  private async stillPublic(executor: Executor, delivery: ClaimedDeliveryRow): Promise<boolean> {
    if (delivery.event === WebhookEvent.CAMPAIGN_OPENED || delivery.event === WebhookEvent.CAMPAIGN_CLOSED) {
      return (await publicRows.campaign(executor, delivery.subject_id)) !== undefined;
    }
    const withdrawnToo = delivery.event === WebhookEvent.IDEA_STATUS_CHANGED;
    return (await publicRows.idea(executor, delivery.subject_id, withdrawnToo)) !== undefined;
  }

  private async turnOff(manager: Executor, delivery: ClaimedDeliveryRow, outcome: PostOutcome, at: Date) {
    const turnedOff = await webhooksRepository.deactivate(manager, delivery.webhook_id, at);
    if (!turnedOff) return;
    this.logger.emit('warn', 'webhook turned off after three days of failures', { webhook: delivery.webhook_id });
    const owner = await publicRows.owner(manager, delivery.user_id);
    if (!owner?.email_verified) return;
    const language = isLanguage(owner.language) ? owner.language : 'en';
    await this.mail.queue(manager, {
      to: owner.email,
      kind: 'WEBHOOK_DEACTIVATED',
      language,
      values: {
        name: owner.display_name,
        url: turnedOff.url,
        error: outcome.status === null ? NO_ANSWER[language] : `HTTP ${outcome.status}`,
      },
      path: '/settings#webhooks',
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }
}
