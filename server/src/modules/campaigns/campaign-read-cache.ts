import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BusService } from '../../common/bus/bus.service.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import type { CampaignEntity } from './campaign.entity.js';

/** Past this many campaigns held, the cache starts again empty (campaigns are few; this bounds memory). */
const MAX_ENTRIES = 5_000;

const changeListeners = new Set<(campaignId: string) => void>();

/** Tells every read cache of this process that the campaign changed (called once the change committed). */
export function campaignChanged(campaignId: string): void {
  for (const listener of changeListeners) listener(campaignId);
}

/**
 * Campaign rows for the reads that tolerate lag, as a read replica's would (the `campaign` query of a viewer
 * who did not just write): each kept up to CAMPAIGN_CACHE_SECONDS, and forgotten as soon as this process
 * commits a change to it (status, settings, counters: campaignsRepository calls campaignChanged), or hears
 * over the bus of a vote or an idea in it on any process. Another process's other changes are seen within
 * the seconds. Who may see the campaign is still decided on each read, from the row.
 */
@Injectable()
export class CampaignReadCache implements OnModuleDestroy {
  private readonly seconds: number;
  private readonly byId = new Map<string, { campaign: CampaignEntity; until: number }>();
  private readonly idBySlug = new Map<string, string>();
  /** When each campaign last changed, so a read that started before a change does not keep its old row. */
  private readonly changedAt = new Map<string, number>();
  private readonly listener = (campaignId: string) => this.forget(campaignId);
  private readonly stopListening: () => void;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    bus: BusService,
    private readonly database: DatabaseService,
  ) {
    this.seconds = config.campaignCacheSeconds;
    changeListeners.add(this.listener);
    this.stopListening = bus.listen((message) => {
      if (message.t === 'idea') this.forget(message.campaignId);
    });
  }

  /** Whether `viewer` may be served from the cache: it is on, and they did not just write. */
  servesTo(viewer: RequestViewer): boolean {
    return this.seconds > 0 && !viewer.readsFromPrimary && !this.database.wroteRecently(viewer.userId ?? null);
  }

  get(where: { id?: string | null; slug?: string | null }): CampaignEntity | undefined {
    const id = where.id ?? (where.slug ? this.idBySlug.get(where.slug) : undefined);
    const entry = id ? this.byId.get(id) : undefined;
    if (!entry) return undefined;
    if (entry.until > Date.now() && (!where.slug || entry.campaign.slug === where.slug)) return entry.campaign;
    this.drop(entry.campaign.id);
    return undefined;
  }

  /** Keeps a row read just now; `since` is when the read started, so a change committed meanwhile wins. */
  set(campaign: CampaignEntity, since: number): void {
    if ((this.changedAt.get(campaign.id) ?? 0) >= since) return;
    if (this.byId.size >= MAX_ENTRIES) this.clear();
    this.byId.set(campaign.id, { campaign, until: since + this.seconds * 1000 });
    this.idBySlug.set(campaign.slug, campaign.id);
  }

  forget(campaignId: string): void {
    this.drop(campaignId);
    if (this.changedAt.size >= MAX_ENTRIES) this.changedAt.clear();
    this.changedAt.set(campaignId, Date.now());
  }

  onModuleDestroy(): void {
    changeListeners.delete(this.listener);
    this.stopListening();
    this.clear();
  }

  private drop(campaignId: string): void {
    const entry = this.byId.get(campaignId);
    if (entry) this.idBySlug.delete(entry.campaign.slug);
    this.byId.delete(campaignId);
  }

  private clear(): void {
    this.byId.clear();
    this.idBySlug.clear();
  }
}
