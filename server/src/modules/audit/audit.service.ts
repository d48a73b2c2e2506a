import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JsonLogger } from '../../common/logging/json-logger.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  agencyId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Records state changes in the same transaction as the change itself, and logs the transition. */
@Injectable()
export class AuditService {
  constructor(private readonly logger: JsonLogger) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, agency_id, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.agencyId ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
    this.logger.emit('info', entry.action, {
      actorId: entry.actorId,
      targetType: entry.targetType,
      targetId: entry.targetId,
    });
  }
}
