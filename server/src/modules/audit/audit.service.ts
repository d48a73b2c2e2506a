import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JsonLogger } from '../../common/logging/json-logger.js';
import { afterCommit } from '../../database/after-commit.js';
import { auditRepository } from './audit.repository.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  agencyId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Records state changes in the same transaction as the change itself, and logs the transition once it commits. */
@Injectable()
export class AuditService {
  constructor(private readonly logger: JsonLogger) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await auditRepository.insert(manager, entry);
    afterCommit(manager, () =>
      this.logger.emit('info', entry.action, {
        actorId: entry.actorId,
        targetType: entry.targetType,
        targetId: entry.targetId,
      }),
    );
  }
}
