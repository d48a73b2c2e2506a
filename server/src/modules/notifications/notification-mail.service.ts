import type { Language } from '@consulta/shared';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { JsonLogger } from '../../common/logging/json-logger.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { JobQueueService } from '../../jobs/job-queue.service.js';
import { PollingLoop } from '../../jobs/polling-loop.js';
import { DIGEST_WORDS } from '../mail/mail-messages.js';
import { MailService, type MailRequest } from '../mail/mail.service.js';
import {
  notificationsRepository,
  type DescribedNotification,
  type MailableNotification,
} from './notifications.repository.js';
import { digestCutoff } from './digest-schedule.js';
import { summarize } from './summaries.js';

const CLAIM = 500;
const IDLE_MS = 1000;
const DIGEST_ITEMS = 20;
const SUBJECT_MAX = 140;

/** The sentence of a notification from its described row. */
export function summaryOf(row: DescribedNotification, language: Language): string {
  return summarize(
    {
      kind: row.kind,
      ideaTitle: row.idea_title,
      campaignTitle: row.campaign_title,
      agencyName: row.agency_name,
      details: row.details,
    },
    language,
  );
}

/** Where a notification takes its reader on the site. */
export function pathOf(row: DescribedNotification): string {
  if (row.idea_id) return `/ideas/${toGlobalId('Idea', row.idea_id)}`;
  if (row.campaign_slug) return `/campaigns/${row.campaign_slug}`;
  return '/notifications';
}

const shortened = (text: string) =>
  [...text].length > SUBJECT_MAX ? `${[...text].slice(0, SUBJECT_MAX - 1).join('')}…` : text;

/**
 * Notification mail. In worker processes, a loop takes the notifications waiting for their own message
 * (IMMEDIATELY) every second, CLAIM at a time, and queues their messages in one transaction (sent in
 * batches by the mail module). Every five minutes a job sends the digests due: DAILY at DIGEST_HOUR_UTC,
 * WEEKLY on Mondays at that hour, one message per person with what is still unread.
 */
@Injectable()
export class NotificationMailService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private loop: PollingLoop | null = null;

  constructor(
    private readonly database: DatabaseService,
    private readonly mail: MailService,
    private readonly jobs: JobQueueService,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    void this.jobs.register({
      name: 'notification-digests',
      cron: '*/5 * * * *',
      handle: async () => {
        await this.sendDigests('DAILY');
        await this.sendDigests('WEEKLY');
      },
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    const work = async () => this.jobs.running && (await this.pacedMailOnce());
    this.loop = new PollingLoop('notification mail', this.logger, work, IDLE_MS);
    this.loop.start();
  }

  /**
   * One claim, then a pause as long as sending it takes at MAIL_PER_SECOND: messages are rendered and
   * stored as fast as they leave, not all at once ahead of them (which would take the CPU the API needs
   * for the people using it). Answers whether more may be waiting.
   */
  private async pacedMailOnce(): Promise<boolean> {
    const started = Date.now();
    const claimed = await this.mailOnce();
    const sendingMs = (claimed * 1000) / this.config.mail.perSecond;
    await this.loop?.pause(sendingMs - (Date.now() - started));
    return claimed === CLAIM;
  }

  /** Queues the messages of up to CLAIM notifications waiting for one; answers how many it took. */
  async mailOnce(): Promise<number> {
    return this.database.transaction(async (manager) => {
      const claimed = await notificationsRepository.claimForMail(manager, CLAIM);
      const mailable = claimed.filter((row) => row.mailable);
      const missing = mailable.filter((row) => !row.unsubscribe_key).map((row) => row.user_id);
      const keys = missing.length ? await notificationsRepository.ensureKeys(manager, [...new Set(missing)]) : null;
      await this.mail.queueMany(
        manager,
        mailable.map((row) =>
          this.notificationMail({ ...row, unsubscribe_key: row.unsubscribe_key ?? keys!.get(row.user_id)! }),
        ),
      );
      return claimed.length;
    });
  }

  private notificationMail(row: MailableNotification): MailRequest {
    const summary = summaryOf(row, row.language);
    return {
      to: row.email,
      kind: 'NOTIFICATION',
      language: row.language,
      values: { name: row.display_name, summary, subject: shortened(summary) },
      path: pathOf(row),
      unsubscribeKey: row.unsubscribe_key,
    };
  }

  /**
   * Every digest of this frequency now due (checked every five minutes): what waited since before the
   * latest digest time (see digestCutoff). Answers how many were sent.
   */
  async sendDigests(
    frequency: 'DAILY' | 'WEEKLY',
    cutoff = digestCutoff(new Date(), this.config.digestHourUtc, frequency),
  ): Promise<number> {
    let sent = 0;
    for (;;) {
      const people = await notificationsRepository.dueDigests(this.database.dataSource, frequency, cutoff, 200);
      if (people.length === 0) return sent;
      for (const userId of people) {
        sent += await this.database.transaction(async (manager) => {
          const unread = await notificationsRepository.takeDigest(manager, userId, cutoff);
          if (unread.length === 0) return 0;
          await this.mail.queueMany(manager, [this.digestMail(unread, frequency)]);
          return 1;
        });
      }
    }
  }

  private digestMail(unread: MailableNotification[], frequency: 'DAILY' | 'WEEKLY'): MailRequest {
    const first = unread[0]!;
    const language = first.language;
    const items = unread.slice(0, DIGEST_ITEMS).map((row) => summaryOf(row, language));
    const words = DIGEST_WORDS[language];
    if (unread.length > DIGEST_ITEMS) {
      items.push(words.more.replace('{{count}}', String(unread.length - DIGEST_ITEMS)));
    }
    return {
      to: first.email,
      kind: 'DIGEST',
      language,
      values: { name: first.display_name, count: String(unread.length), period: words[frequency] },
      path: '/notifications',
      items,
      unsubscribeKey: first.unsubscribe_key,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }
}
