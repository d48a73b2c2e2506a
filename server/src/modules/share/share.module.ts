import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { EmbedController } from './embed.controller.js';
import { SharePreviewService } from './share-preview.service.js';

/** How consultations travel: link previews, embeds on other sites, and oEmbed. */
@Module({
  imports: [AgenciesModule, CampaignsModule, IdeasModule],
  providers: [SharePreviewService],
  controllers: [EmbedController],
  exports: [SharePreviewService],
})
export class ShareModule {}
