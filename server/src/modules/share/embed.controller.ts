import { IdeaSort, type Language } from '@consulta/shared';
import { Controller, Get, Headers, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { anonymousViewer } from '../../common/auth/request-viewer.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { escapeHtml } from '../../common/http/escape-html.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { acceptsContributions } from '../campaigns/campaign.entity.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { IdeaQueriesService } from '../ideas/idea-queries.service.js';
import { EMBED_STYLE_HASH, embedPage } from './embed-page.js';

const TOP_IDEAS = 5;
/** The frame an oEmbed answer proposes, and the smallest it will shrink to. */
const FRAME = { width: 480, height: 520, minWidth: 240, minHeight: 320 };

/** The reader's language: ?lang first, then the browser's Accept-Language, then English. */
function languageOf(lang: string | undefined, accept: string | undefined): Language {
  if (lang === 'es' || lang === 'en') return lang;
  const first = /^\s*([a-z]{2})/i.exec(accept ?? '')?.[1]?.toLowerCase();
  return first === 'es' ? 'es' : 'en';
}

const dimension = (raw: string | undefined, fallback: number, min: number) => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? Math.max(min, Math.min(value, fallback)) : fallback;
};

/**
 * Consultations on other sites: `/embed/campaigns/<slug>`, a compact page (no script) that the origins in
 * EMBED_ALLOWED_ORIGINS may frame (any site by default), and `/oembed?url=…` (JSON, oEmbed 1.0) so content
 * systems turn a pasted consultation link into that frame. What anyone signed out may see, nothing more:
 * drafts and unknown slugs are 404.
 */
@Controller()
export class EmbedController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly agencies: AgenciesService,
    private readonly ideas: IdeaQueriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('embed/campaigns/:slug')
  async embed(
    @Param('slug') slug: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept-language') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const campaign = await this.campaigns.findVisible(anonymousViewer(), { slug });
    if (!campaign) throw new NotFoundException('No such consultation.');
    const [agency, page] = await Promise.all([
      this.agencies.findById(campaign.agencyId),
      this.ideas.listForCampaign(campaign.id, { viewerId: null, first: TOP_IDEAS, sort: IdeaSort.TOP }),
    ]);
    const site = this.config.mail.publicUrl;
    const html = embedPage(
      {
        title: campaign.title,
        summary: campaign.summary,
        agency: agency?.name ?? '',
        url: `${site}/campaigns/${campaign.slug}`,
        open: acceptsContributions(campaign),
        supportOnly: campaign.votingMode === 'SUPPORT',
        ideaCount: campaign.ideaCount,
        participantCount: campaign.participantCount,
        ideas: page.edges.map(({ node }) => ({
          title: node.idea.title,
          url: `${site}/ideas/${toGlobalId('Idea', node.idea.id)}`,
          upvotes: node.idea.upvotes,
          score: node.idea.score,
        })),
      },
      languageOf(lang, accept),
    );
    const ancestors = this.config.embedAllowedOrigins.join(' ');
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src ${EMBED_STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
      )
      .header('cache-control', 'public, max-age=60')
      .header('vary', 'accept-language')
      .send(html);
  }

  /** oEmbed 1.0 for a consultation's URL on this site (JSON only: XML is 501, as the spec says). */
  @Get('oembed')
  async oembed(
    @Query('url') url: string | undefined,
    @Query('format') format: string | undefined,
    @Query('maxwidth') maxWidth: string | undefined,
    @Query('maxheight') maxHeight: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (format && format !== 'json') {
      await reply.status(501).header('content-type', 'text/plain; charset=utf-8').send('Only JSON is offered.');
      return;
    }
    const site = this.config.mail.publicUrl;
    const slug = this.slugOf(url ?? '', site);
    const campaign = slug ? await this.campaigns.findVisible(anonymousViewer(), { slug }) : null;
    if (!campaign) throw new NotFoundException('Not a consultation of this site.');
    const width = dimension(maxWidth, FRAME.width, FRAME.minWidth);
    const height = dimension(maxHeight, FRAME.height, FRAME.minHeight);
    const src = `${site}/embed/campaigns/${campaign.slug}`;
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=300')
      .send({
        version: '1.0',
        type: 'rich',
        provider_name: 'Consulta',
        provider_url: `${site}/`,
        title: campaign.title,
        width,
        height,
        cache_age: 300,
        html: `<iframe src="${src}" width="${width}" height="${height}" title="${escapeHtml(campaign.title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`,
      });
  }

  /** The slug of a consultation URL of this site (`/campaigns/<slug>`, with or without the embed path). */
  private slugOf(url: string, site: string): string | null {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (parsed.origin !== new URL(site).origin) return null;
    return /^\/(?:embed\/)?campaigns\/([a-z0-9-]{1,80})\/?$/.exec(parsed.pathname)?.[1] ?? null;
  }
}
