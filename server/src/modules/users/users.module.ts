import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({ imports: [AuditModule], providers: [UsersService, UsersResolver], exports: [UsersService] })
export class UsersModule {}
