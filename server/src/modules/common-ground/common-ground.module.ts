import { Module, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../jobs/job-queue.service.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { CommonGroundService } from './common-ground.service.js';
import { VoteMatrixController } from './vote-matrix.controller.js';

export const COMMON_GROUND_SWEEP = 'common-ground-sweep';

@Module({
  imports: [CampaignsModule],
  controllers: [VoteMatrixController],
  providers: [CommonGroundService],
  exports: [CommonGroundService],
})
export class CommonGroundModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly commonGround: CommonGroundService,
  ) {}

  /** The sweep runs every minute through the job queue; each campaign is due at most every interval. */
  onModuleInit(): void {
    this.jobs.register({
      name: COMMON_GROUND_SWEEP,
      cron: '* * * * *',
      handle: async () => {
        await this.commonGround.sweep();
      },
    });
  }
}
