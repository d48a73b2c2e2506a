import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas/ideas.module.js';
import { UsersModule } from '../users/users.module.js';
import { CommentsResolver, IdeaCommentsResolver } from './comments.resolver.js';
import { CommentsService } from './comments.service.js';

@Module({
  imports: [IdeasModule, UsersModule],
  providers: [CommentsService, CommentsResolver, IdeaCommentsResolver],
  exports: [CommentsService],
})
export class CommentsModule {}
