import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataService } from './open-data.service.js';

/** The public downloads: a Frictionless Data Package of CSV tables. */
@Module({
  imports: [CampaignsModule],
  providers: [OpenDataService],
  controllers: [OpenDataController],
})
export class OpenDataModule {}
