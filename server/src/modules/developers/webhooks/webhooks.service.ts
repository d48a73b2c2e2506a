import { LIMITS, WebhookEvent } from '@consulta/shared';
import { Inject, Injectable } from '@nestjs/common';
import { requireSession } from '../../../common/auth/policies.js';
import type { RequestViewer } from '../../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../../common/errors/domain-error.js';
import { fieldMessage } from '../../../common/errors/field-message.js';
import { toGlobalId } from '../../../common/graphql/global-id.js';
import { NodeService } from '../../../common/graphql/node.service.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.js';
import { DatabaseService } from '../../../database/database.service.js';
import { UsersService } from '../../users/users.service.js';
import { resolveHost } from './public-address.js';
import { newSecret } from './standard-webhooks.js';
import { webhooksRepository, type WebhookDeliveryRow, type WebhookRow } from './webhooks.repository.js';

export interface NewWebhook {
  url: string;
  events: WebhookEvent[];
  campaignId: string | null;
  agencyId: string | null;
}

/**
 * People's webhooks: made and deleted by their owner with a session and a confirmed address (never with an
 * API token), listed to their owner only, with their deliveries. The address is checked here as it will be
 * at delivery time: https, a public address (unless WEBHOOKS_ALLOW_PRIVATE_NETWORKS), no credentials.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly database: DatabaseService,
    private readonly users: UsersService,
    private readonly nodes: NodeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(viewer: RequestViewer, input: NewWebhook): Promise<{ row: WebhookRow; secret: string }> {
    const person = requireSession(viewer);
    const user = await this.users.findById(person.userId);
    if (!user?.emailVerified) {
      throw new ForbiddenError('EMAIL_NOT_VERIFIED');
    }
    const url = await this.checkedUrl(input.url);
    const events = [...new Set(input.events)];
    if (events.length === 0) throw new BadInputError({ events: fieldMessage('webhookEvents') });
    if (input.campaignId && input.agencyId) throw new BadInputError({ campaignId: fieldMessage('webhookScope') });
    // The scope must be something the person may see (a draft only for its agency's people).
    if (input.campaignId && !(await this.nodes.resolve(toGlobalId('Campaign', input.campaignId), viewer))) {
      throw new NotFoundError('Campaign');
    }
    if (input.agencyId && !(await this.nodes.resolve(toGlobalId('Agency', input.agencyId), viewer))) {
      throw new NotFoundError('Agency');
    }
    return this.database.transaction(async (manager) => {
      if ((await webhooksRepository.countOf(manager, person.userId)) >= LIMITS.webhook.perPerson) {
        throw new ConflictError('TOO_MANY_WEBHOOKS', { max: LIMITS.webhook.perPerson });
      }
      const secret = newSecret();
      const row = await webhooksRepository.insert(manager, {
        userId: person.userId,
        url,
        events,
        campaignId: input.campaignId,
        agencyId: input.agencyId,
        secret,
      });
      return { row, secret };
    });
  }

  /** The URL as it will be called, or BAD_USER_INPUT on `url` saying what is wrong with it. */
  private async checkedUrl(raw: string): Promise<string> {
    const refuse = (key: Parameters<typeof fieldMessage>[0]) => new BadInputError({ url: fieldMessage(key) });
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw refuse('webhookUrl');
    }
    const allowPrivate = this.config.webhooks.allowPrivateNetworks;
    if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) throw refuse('webhookHttps');
    if (url.username || url.password) throw refuse('webhookCredentials');
    url.hash = '';
    const resolved = await resolveHost(url.hostname, allowPrivate);
    if (!resolved.ok) throw refuse(resolved.reason === 'private' ? 'webhookPrivate' : 'webhookHostUnknown');
    return url.toString();
  }

  /** The person's webhooks, newest first; nothing for anyone else. */
  async list(viewer: RequestViewer): Promise<WebhookRow[]> {
    if (!viewer.userId) return [];
    return webhooksRepository.listOf(this.database.dataSource, viewer.userId);
  }

  async findOwn(viewer: RequestViewer, id: string): Promise<WebhookRow | null> {
    const row = viewer.userId ? await webhooksRepository.find(this.database.dataSource, id) : null;
    return row && row.user_id === viewer.userId ? row : null;
  }

  /** One delivery of one of the viewer's webhooks, or null. */
  async findOwnDelivery(viewer: RequestViewer, id: string): Promise<WebhookDeliveryRow | null> {
    if (!viewer.userId) return null;
    return webhooksRepository.findDeliveryOf(this.database.dataSource, viewer.userId, id);
  }

  /** NOT_FOUND for a webhook that is not the viewer's: others' webhooks are not told apart. */
  async delete(viewer: RequestViewer, id: string | null): Promise<boolean> {
    const person = requireSession(viewer);
    if (!id || !(await webhooksRepository.delete(this.database.dataSource, person.userId, id))) {
      throw new NotFoundError('Webhook');
    }
    return true;
  }

  /** A webhook's deliveries, newest first (the caller has the webhook, so it is the viewer's). */
  deliveries(webhookId: string, page: { first?: number | null; after?: string | null }) {
    return webhooksRepository.deliveries(this.database.dataSource, webhookId, page);
  }
}
