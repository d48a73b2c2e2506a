import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { anonymousViewer } from '../../common/auth/request-viewer.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { openDataRepository } from './open-data.repository.js';
import { atomFeed, xml, type AtomEntry } from './atom.js';

const ENTRIES = 50;

/**
 * Atom 1.0 feeds, public: `/feed.atom` for new consultations, `/campaigns/<slug>/feed.atom` for a
 * consultation's newest ideas and official answers (what anyone signed out may see).
 */
@Controller()
export class FeedsController {
  constructor(
    private readonly database: DatabaseService,
    private readonly campaigns: CampaignsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private send(reply: FastifyReply, xml: string) {
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .header('access-control-allow-origin', '*')
      .send(xml);
  }

  @Get('feed.atom')
  async site(@Res() reply: FastifyReply): Promise<void> {
    const site = this.config.mail.publicUrl;
    const campaigns = await openDataRepository.newestCampaigns(this.database.dataSource, ENTRIES);
    const entries: AtomEntry[] = campaigns.map((c) => ({
      id: `${site}/campaigns/${c.slug}`,
      title: c.title,
      link: `${site}/campaigns/${c.slug}`,
      updated: c.created_at,
      author: c.agency_name,
      html: `<p>${xml(c.summary)}</p>`,
    }));
    await this.send(
      reply,
      atomFeed({
        id: `${site}/`,
        title: 'Consulta: new consultations',
        self: `${site}/feed.atom`,
        alternate: `${site}/`,
        entries,
      }),
    );
  }

  @Get('campaigns/:slug/feed.atom')
  async campaign(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const campaign = await this.campaigns.findVisible(anonymousViewer(), { slug });
    if (!campaign) throw new NotFoundException('No public consultation has this slug.');
    const site = this.config.mail.publicUrl;
    const rows = await openDataRepository.newestEntries(this.database.dataSource, campaign.id, ENTRIES);
    const entries: AtomEntry[] = rows.map((row) => {
      const link = `${site}/ideas/${toGlobalId('Idea', row.idea_id)}`;
      return row.kind === 'idea'
        ? {
            id: link,
            title: row.title,
            link,
            updated: row.at,
            author: row.author_name ?? 'Deleted account',
            html: row.body_html,
          }
        : {
            id: `${link}#answer-${toGlobalId('OfficialResponse', row.id)}`,
            title: `${row.agency_name} answered: ${row.title} (${row.status.toLowerCase().replace('_', ' ')})`,
            link,
            updated: row.at,
            author: row.agency_name ?? 'Agency',
            html: row.body_html,
          };
    });
    await this.send(
      reply,
      atomFeed({
        id: `${site}/campaigns/${campaign.slug}`,
        title: `${campaign.title}: ideas and answers`,
        self: `${site}/campaigns/${campaign.slug}/feed.atom`,
        alternate: `${site}/campaigns/${campaign.slug}`,
        entries,
      }),
    );
  }
}
