import { run, type Executor } from '../../database/sql.js';
import type { AuditRecord } from './audit.service.js';

/** A row of `audit_log`: who did what to which object, why, and when. */
export interface AuditRow {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  agency_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/** Every write to `audit_log` (owned by the audit module): rows are only ever added. */
export class AuditRepository {
  async insert(executor: Executor, entry: AuditRecord): Promise<void> {
    await run(
      executor,
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
  }
}

export const auditRepository = new AuditRepository();
