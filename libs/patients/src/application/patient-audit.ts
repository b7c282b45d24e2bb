import type { Actor, AuditEntry } from '@carebook/core';

/** Audit actions of the patients context (every read and write of a record is one). */
export type PatientAuditAction =
  | 'patient.record.viewed'
  | 'patient.record.created'
  | 'patient.record.updated'
  | 'patient.note.added';

/** An audit entry about one patient's record, acted on by `actor`. */
export function patientAudit(
  action: PatientAuditAction,
  actor: Actor,
  patientId: string,
  metadata: Record<string, unknown> = {},
): AuditEntry {
  return { action, actor, targetType: 'patient', targetId: patientId, patientId, metadata };
}
