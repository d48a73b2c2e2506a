import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { FeedsController } from './feeds.controller.js';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataService } from './open-data.service.js';
import { PseudonymsService } from './pseudonyms.service.js';

/** The public downloads (a Frictionless Data Package of CSV tables) and the Atom feeds. */
@Module({
  imports: [CampaignsModule],
  providers: [OpenDataService, PseudonymsService],
  exports: [PseudonymsService],
  controllers: [OpenDataController, FeedsController],
})
export class OpenDataModule {}
