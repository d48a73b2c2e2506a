import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AgenciesResolver } from './agencies.resolver.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyMembershipResolver, ViewerMembershipsResolver } from './agency-membership.resolver.js';

@Module({
  imports: [UsersModule, AuditModule],
  providers: [AgenciesService, AgenciesResolver, AgencyMembershipResolver, ViewerMembershipsResolver],
  exports: [AgenciesService],
})
export class AgenciesModule {}
