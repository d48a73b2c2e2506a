import type { Cell } from '@consulta/shared';
import { Inject, Injectable } from '@nestjs/common';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { anonymousViewer } from '../../common/auth/request-viewer.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { keysetPages, type After } from '../../database/keyset-pages.js';
import { openDataRepository } from './open-data.repository.js';
import { RESOURCES, type ResourceSpec } from './open-data.resources.js';
import { PseudonymsService } from './pseudonyms.service.js';

const BATCH = 2_000;
const IDEAS_PER_VOTE_BATCH = 500;

/**
 * The open data: a Frictionless Data Package of CSV tables with what the public can see and nothing more
 * (no drafts, hidden or withdrawn content, emails, flags or moderation reasons), authors by display name
 * and a keyed pseudonym. Each table is read in keyset pages and streamed.
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly database: DatabaseService,
    private readonly campaigns: CampaignsService,
    private readonly pseudonyms: PseudonymsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  resource(name: string): ResourceSpec | undefined {
    return RESOURCES.find((resource) => resource.name === name);
  }

  /** The public campaign a `?campaign=<slug>` names: its id, null for none asked, undefined when unknown. */
  async campaignId(slug: string | undefined): Promise<string | null | undefined> {
    if (!slug) return null;
    const campaign = await this.campaigns.findVisible(anonymousViewer(), { slug });
    return campaign ? campaign.id : undefined;
  }

  version(): Promise<{ tag: string; modified: Date }> {
    return openDataRepository.version(this.database.reader());
  }

  /** The descriptor (datapackage.json), its paths relative and narrowed like the request. */
  descriptor(slug: string | undefined) {
    const query = slug ? `?campaign=${encodeURIComponent(slug)}` : '';
    return {
      name: slug ? `consulta-${slug}` : 'consulta',
      title: slug ? `Consulta open data: ${slug}` : 'Consulta open data',
      profile: 'tabular-data-package',
      licenses: [this.license()],
      resources: RESOURCES.map((resource) => ({
        name: resource.name,
        title: resource.title,
        description: resource.description,
        path: `${resource.name}.csv${query}`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        profile: 'tabular-data-resource',
        schema: { fields: resource.fields },
      })),
    };
  }

  private license() {
    const name = this.config.openDataLicense;
    return name === 'CC-BY-4.0'
      ? { name, title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }
      : { name };
  }

  /** The rows of one table, in its columns' order. */
  async *tableRows(resource: ResourceSpec, campaign: string | null): AsyncGenerator<Cell[]> {
    // Downloads tolerate a moment's lag: a read replica when there is one.
    const db = this.database.reader();
    const gid = toGlobalId;
    switch (resource.name) {
      case 'campaigns':
        yield* keysetPages(
          (after) => openDataRepository.campaigns(db, campaign, after, BATCH),
          async (c) => [
            gid('Campaign', c.id),
            c.slug,
            c.title,
            c.summary,
            c.agency_name,
            c.status,
            c.voting_mode,
            c.opens_at,
            c.closes_at,
            c.response_threshold,
            c.response_days,
            c.idea_count,
            c.participant_count,
            c.created_at,
          ],
          BATCH,
        );
        return;
      case 'ideas':
        yield* keysetPages(
          (after) => openDataRepository.ideas(db, campaign, after, BATCH),
          async (i) => [
            gid('Idea', i.id),
            gid('Campaign', i.campaign_id),
            i.title,
            i.body,
            i.tag,
            i.status,
            await this.pseudonyms.of(i.author_id),
            i.author_id ? i.author_name : null,
            i.upvotes,
            i.downvotes,
            i.score,
            i.comment_count,
            i.created_at,
            i.updated_at,
          ],
          BATCH,
        );
        return;
      case 'official-responses':
        yield* keysetPages(
          (after) => openDataRepository.responses(db, campaign, after, BATCH),
          async (r) => [
            gid('OfficialResponse', r.id),
            gid('Idea', r.idea_id),
            r.agency_name,
            r.author_name,
            r.previous_status,
            r.status,
            r.body,
            r.created_at,
          ],
          BATCH,
        );
        return;
      case 'comments':
        yield* keysetPages(
          (after) => openDataRepository.comments(db, campaign, after, BATCH),
          async (m) => [
            gid('Comment', m.id),
            gid('Idea', m.idea_id),
            m.parent_id ? gid('Comment', m.parent_id) : null,
            await this.pseudonyms.of(m.author_id),
            m.author_id ? m.author_name : null,
            m.body,
            m.created_at,
            m.edited_at,
          ],
          BATCH,
        );
        return;
      case 'votes': {
        let after: After = null;
        for (;;) {
          const ideas = await openDataRepository.ideaIds(db, campaign, after, IDEAS_PER_VOTE_BATCH);
          if (ideas.length === 0) return;
          const days = await openDataRepository.votesPerDay(
            db,
            ideas.map((idea) => idea.id),
          );
          const order = new Map(ideas.map((idea, index) => [idea.id, index]));
          days.sort((a, b) => order.get(a.idea_id)! - order.get(b.idea_id)! || a.date.localeCompare(b.date));
          for (const day of days) yield [gid('Idea', day.idea_id), day.date, day.up, day.down];
          if (ideas.length < IDEAS_PER_VOTE_BATCH) return;
          const last = ideas[ideas.length - 1]!;
          after = [last.created_at, last.id];
        }
      }
    }
  }
}
