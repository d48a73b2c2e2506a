import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SessionCacheModule } from '../../common/auth/session-cache.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuditModule, SessionCacheModule],
  providers: [UsersService, UsersResolver],
  exports: [UsersService],
})
export class UsersModule {}
