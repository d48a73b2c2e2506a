import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountChangesResolver } from './account-changes.resolver.js';
import { AccountChangesService } from './account-changes.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PasswordAttemptsService } from './password-attempts.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionCacheModule } from '../../common/auth/session-cache.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [UsersModule, RateLimitModule, SessionCacheModule],
  providers: [
    AuthService,
    PasswordAttemptsService,
    PasswordResetService,
    SessionsService,
    AuthResolver,
    AccountChangesService,
    AccountChangesResolver,
  ],
  exports: [SessionsService, AuthService],
})
export class AuthModule {}
