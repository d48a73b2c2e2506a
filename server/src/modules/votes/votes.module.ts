import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas/ideas.module.js';
import { CampaignVotesResolver, VotesResolver } from './votes.resolver.js';
import { VotesService } from './votes.service.js';

@Module({
  imports: [IdeasModule],
  providers: [VotesService, VotesResolver, CampaignVotesResolver],
  exports: [VotesService],
})
export class VotesModule {}
