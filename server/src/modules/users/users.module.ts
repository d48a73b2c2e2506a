import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SessionCacheModule } from '../../common/auth/session-cache.js';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuditModule, SessionCacheModule, RateLimitModule],
  providers: [UsersService, EmailVerificationService, UsersResolver, PeopleService, PeopleResolver],
  exports: [UsersService, EmailVerificationService],
})
export class UsersModule {}
