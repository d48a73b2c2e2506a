import { Inject, Injectable } from '@nestjs/common';
import { anonymousViewer } from '../../common/auth/request-viewer.js';
import { idOfType } from '../../common/graphql/global-id.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { IdeasService } from '../ideas/ideas.service.js';

export interface SharePreview {
  title: string;
  description: string;
  feed?: { title: string; href: string };
  oembed?: { title: string; href: string };
}

const SITE: SharePreview = {
  title: 'Consulta',
  description: 'Public consultations: propose ideas, vote, and see what your government does with them.',
};

/** Plain text of Markdown, short enough for a link preview. */
function excerpt(markdown: string, max = 200): string {
  const text = markdown
    .replace(/[#*_`>[\]()!~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * What a shared link shows before any JavaScript runs (crawlers run none): a consultation's title and
 * summary, an idea's title and opening text, as anyone signed out may see them. Hidden, draft and missing
 * things all get the same generic preview, so a preview never tells they exist.
 */
@Injectable()
export class SharePreviewService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly ideas: IdeasService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forPath(path: string): Promise<SharePreview> {
    const viewer = anonymousViewer();
    const idea = /^\/ideas\/([A-Za-z0-9_-]{1,200})\/?$/.exec(path);
    if (idea) {
      const found = await this.ideas.findVisible(viewer, idOfType(idea[1]!, 'Idea'));
      if (found)
        return { title: `${found.idea.title} | ${found.campaign.title}`, description: excerpt(found.idea.body) };
    }
    const campaign = /^\/campaigns\/([a-z0-9-]{1,80})\/?$/.exec(path);
    if (campaign) {
      const found = await this.campaigns.findVisible(viewer, { slug: campaign[1]! });
      if (found)
        return {
          title: found.title,
          description: excerpt(found.summary),
          feed: { title: `${found.title}: ideas and answers`, href: `/campaigns/${found.slug}/feed.atom` },
          oembed: { title: found.title, href: this.oembedOf(found.slug) },
        };
    }
    return SITE;
  }

  private oembedOf(slug: string): string {
    const site = this.config.mail.publicUrl;
    return `${site}/oembed?format=json&url=${encodeURIComponent(`${site}/campaigns/${slug}`)}`;
  }
}
