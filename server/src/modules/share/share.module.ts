import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { SharePreviewService } from './share-preview.service.js';

@Module({ imports: [CampaignsModule, IdeasModule], providers: [SharePreviewService], exports: [SharePreviewService] })
export class ShareModule {}
