import { WEBHOOK_EVENT_TYPES, WebhookEvent } from '@consulta/shared';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock/clock.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.js';
import type { DomainEvent, DomainEventType } from '../../../events/domain-events.js';
import { EventDispatcher } from '../../../events/event-dispatcher.service.js';
import { PseudonymsService } from '../../open-data/pseudonyms.service.js';
import { campaignData, ideaData, responseData, type PublicSite } from './webhook-bodies.js';
import { webhookPayloadsRepository as publicRows } from './webhook-payloads.repository.js';
import { webhooksRepository } from './webhooks.repository.js';

/** The webhook event each domain event is sent as. */
const EVENT_OF: Partial<Record<DomainEventType, WebhookEvent>> = {
  IdeaSubmitted: WebhookEvent.IDEA_SUBMITTED,
  IdeaStatusChanged: WebhookEvent.IDEA_STATUS_CHANGED,
  OfficialResponsePosted: WebhookEvent.OFFICIAL_RESPONSE_POSTED,
  ResponseOwed: WebhookEvent.RESPONSE_OWED,
  CampaignOpened: WebhookEvent.CAMPAIGN_OPENED,
  CampaignClosed: WebhookEvent.CAMPAIGN_CLOSED,
};

/** What a delivery is about, with the scope webhooks are matched by. */
interface Subject {
  subjectId: string;
  campaignId: string;
  agencyId: string;
  data: Record<string, unknown>;
}

/**
 * Turns domain events into webhook deliveries, in the event's delivery transaction: the public body is made
 * once per event (nothing when what it is about is not public), then one delivery row per webhook whose
 * events and scope match, in one INSERT … SELECT; a redelivered event adds none. The sender sends them.
 */
@Injectable()
export class WebhookFanOutService implements OnModuleInit {
  private readonly site: PublicSite;

  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly clock: Clock,
    pseudonyms: PseudonymsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.site = { url: config.mail.publicUrl, pseudonym: (id) => pseudonyms.of(id) };
  }

  onModuleInit(): void {
    void this.dispatcher.subscribe({
      name: 'webhooks',
      types: Object.keys(EVENT_OF) as DomainEventType[],
      handle: (event, manager) => this.fanOut(event, manager),
    });
  }

  async fanOut(event: DomainEvent, manager: EntityManager): Promise<void> {
    const kind = EVENT_OF[event.type];
    if (!kind || !(await webhooksRepository.anySubscribed(manager, kind))) return;
    const subject = await this.subjectOf(event, manager);
    if (!subject) return;
    const body = JSON.stringify({
      type: WEBHOOK_EVENT_TYPES[kind],
      timestamp: event.occurredAt.toISOString(),
      data: subject.data,
    });
    await webhooksRepository.addDeliveries(manager, {
      eventId: event.id,
      event: kind,
      subjectId: subject.subjectId,
      campaignId: subject.campaignId,
      agencyId: subject.agencyId,
      body,
      at: this.clock.now(),
    });
  }

  /** The public data of the event's subject, or null when the public may not see it. */
  private async subjectOf(event: DomainEvent, manager: EntityManager): Promise<Subject | null> {
    if (event.type === 'CampaignOpened' || event.type === 'CampaignClosed') {
      const campaign = await publicRows.campaign(manager, event.aggregateId);
      if (!campaign) return null;
      const data = { campaign: campaignData(this.site, campaign) };
      return { subjectId: campaign.id, campaignId: campaign.id, agencyId: campaign.agency_id, data };
    }
    const idea = await publicRows.idea(manager, event.aggregateId, event.type === 'IdeaStatusChanged');
    if (!idea) return null;
    const base = { subjectId: idea.id, campaignId: idea.campaign_id, agencyId: idea.agency_id };
    const data: Record<string, unknown> = { idea: await ideaData(this.site, idea) };
    switch (event.type) {
      case 'IdeaStatusChanged':
        Object.assign(data, { from: event.payload.from, to: event.payload.to });
        break;
      case 'OfficialResponsePosted': {
        const response = await publicRows.response(manager, event.payload.responseId);
        if (!response) return null;
        data.response = responseData(response);
        break;
      }
      case 'ResponseOwed':
        data.threshold = event.payload.threshold;
        break;
    }
    return { ...base, data };
  }
}
