import { rows, run, type Executor } from '../../database/sql.js';
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

/** Every statement on `audit_log` (owned by the audit module): rows are only ever added. */
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

  /**
   * The people who appear as actors in the entries of these agencies (all entries when null). It skips from
   * one actor to the next through audit_log_actor_idx, so it reads one index entry per person, not the log.
   */
  async actorIds(executor: Executor, agencies: string[] | null): Promise<string[]> {
    const found = await rows<{ actor_id: string }>(
      executor,
      `WITH RECURSIVE actors AS (
         (SELECT actor_id FROM audit_log
           WHERE actor_id IS NOT NULL AND ($1::uuid[] IS NULL OR agency_id = ANY($1::uuid[]))
           ORDER BY actor_id LIMIT 1)
         UNION ALL
         SELECT (SELECT a.actor_id FROM audit_log a
                  WHERE a.actor_id > actors.actor_id AND ($1::uuid[] IS NULL OR a.agency_id = ANY($1::uuid[]))
                  ORDER BY a.actor_id LIMIT 1)
           FROM actors WHERE actors.actor_id IS NOT NULL)
       SELECT actor_id FROM actors WHERE actor_id IS NOT NULL`,
      [agencies],
    );
    return found.map((row) => row.actor_id);
  }
}

export const auditRepository = new AuditRepository();
