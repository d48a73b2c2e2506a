import { Module } from '@nestjs/common';
import { PersonLimitsService } from './person-limits.service.js';
import { RateLimitService } from './rate-limit.service.js';

@Module({ providers: [RateLimitService, PersonLimitsService], exports: [RateLimitService, PersonLimitsService] })
export class RateLimitModule {}
