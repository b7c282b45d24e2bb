import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { AuditEntry, toAuditRow } from './audit-entry';

const INSERT = `
  INSERT INTO audit_events
    (actor_type, actor_id, actor_role, action, target_type, target_id, patient_id, ip, request_id, metadata)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::inet, $9, $10::jsonb)`;

/**
 * The append-only audit log: security events (sign-ins, failures, role changes) and every read
 * and write of a patient's record. ip and request id come from the current HTTP request; the
 * table refuses UPDATE, DELETE and TRUNCATE.
 *
 * ```ts
 * await audit.record({ action: 'patient.record.viewed', actor, targetType: 'patient', targetId: id, patientId: id });
 * await audit.recordNow({ action: 'auth.login.failed', metadata: { phone: maskPhone(phone) } });
 * ```
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records with `UnitOfWork.manager()`: inside a handler's transaction the row commits or rolls
   * back with the change it describes (no row for a write that did not happen).
   */
  record(entry: AuditEntry): Promise<void> {
    return this.insert(this.unitOfWork.manager(), entry);
  }

  /**
   * Records at once on its own connection, outside any transaction: for events that must be
   * kept even when the surrounding work fails or rolls back (a failed sign-in, a refused access).
   */
  recordNow(entry: AuditEntry): Promise<void> {
    return this.insert(this.dataSource.manager, entry);
  }

  private async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const row = toAuditRow(entry);
    await manager.query(INSERT, [
      row.actor_type,
      row.actor_id,
      row.actor_role,
      row.action,
      row.target_type,
      row.target_id,
      row.patient_id,
      row.ip,
      row.request_id,
      JSON.stringify(row.metadata),
    ]);
  }
}
