import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas/ideas.module.js';
import { FollowsResolver } from './follows.resolver.js';
import { FollowsService } from './follows.service.js';

@Module({ imports: [IdeasModule], providers: [FollowsService, FollowsResolver], exports: [FollowsService] })
export class FollowsModule {}
