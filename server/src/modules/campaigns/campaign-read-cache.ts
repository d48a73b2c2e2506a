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
 * who did not just write): each kept up to `seconds`, and forgotten as soon as this process commits a change
 * to it (status, settings, counters), so this process never serves its own old row. Another process's
 * vote or idea is heard over the bus (CampaignsService forgets the campaign); its other changes are seen
 * within `seconds`. Visibility is still decided on each read, from the row.
 */
export class CampaignReadCache {
  private readonly byId = new Map<string, { campaign: CampaignEntity; until: number }>();
  private readonly idBySlug = new Map<string, string>();
  private readonly listener = (campaignId: string) => this.forget(campaignId);

  constructor(private readonly seconds: number) {
    if (seconds > 0) changeListeners.add(this.listener);
  }

  get enabled(): boolean {
    return this.seconds > 0;
  }

  get(where: { id?: string | null; slug?: string | null }): CampaignEntity | undefined {
    const id = where.id ?? (where.slug ? this.idBySlug.get(where.slug) : undefined);
    const entry = id ? this.byId.get(id) : undefined;
    if (!entry) return undefined;
    if (entry.until > Date.now() && (!where.slug || entry.campaign.slug === where.slug)) return entry.campaign;
    this.forget(entry.campaign.id);
    return undefined;
  }

  /** Keeps a row read just now; `since` is when the read started, so a change committed meanwhile wins. */
  set(campaign: CampaignEntity, since: number): void {
    if (!this.enabled || this.changedSince(campaign.id, since)) return;
    if (this.byId.size >= MAX_ENTRIES) this.clear();
    this.byId.set(campaign.id, { campaign, until: since + this.seconds * 1000 });
    this.idBySlug.set(campaign.slug, campaign.id);
  }

  private readonly changes = new Map<string, number>();

  private changedSince(id: string, since: number): boolean {
    return (this.changes.get(id) ?? 0) >= since;
  }

  forget(campaignId: string): void {
    const entry = this.byId.get(campaignId);
    if (entry) this.idBySlug.delete(entry.campaign.slug);
    this.byId.delete(campaignId);
    if (this.changes.size >= MAX_ENTRIES) this.changes.clear();
    this.changes.set(campaignId, Date.now());
  }

  clear(): void {
    this.byId.clear();
    this.idBySlug.clear();
  }

  close(): void {
    changeListeners.delete(this.listener);
    this.clear();
  }
}
