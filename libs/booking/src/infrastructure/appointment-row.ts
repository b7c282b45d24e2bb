import { Appointment } from '../domain/appointment';
import type {
  AppointmentStatus,
  BookingSource,
  CancelledBy,
  PaymentStatus,
  SessionType,
} from '../domain/appointment-status';

/** An `appointments` row as `pg` returns it (snake case; timestamptz as Date). */
export interface AppointmentRow {
  id: string;
  patient_id: string;
  clinician_id: string;
  clinician_user_id: string;
  centre_id: string;
  starts_at: Date;
  ends_at: Date;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  session_type: string;
  status: string;
  payment_status: string;
  fee_amount: number;
  fee_currency: string;
  meet_link: string | null;
  source: string;
  reason: string | null;
  notes: string | null;
  hold_expires_at: Date | null;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  cancelled_by: string | null;
  cancelled_by_id: string | null;
  idempotency_key: string | null;
  idempotency_fingerprint: string | null;
  created_by: string;
  created_by_kind: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** Every column but the generated `blocked`, in the order of WRITE_PARAMS. */
export const APPOINTMENT_COLUMNS = [
  'id',
  'patient_id',
  'clinician_id',
  'clinician_user_id',
  'centre_id',
  'starts_at',
  'ends_at',
  'buffer_before_minutes',
  'buffer_after_minutes',
  'session_type',
  'status',
  'payment_status',
  'fee_amount',
  'fee_currency',
  'meet_link',
  'source',
  'reason',
  'notes',
  'hold_expires_at',
  'checked_in_at',
  'cancelled_at',
  'cancel_reason',
  'cancelled_by',
  'cancelled_by_id',
  'idempotency_key',
  'idempotency_fingerprint',
  'created_by',
  'created_by_kind',
  'created_at',
  'updated_at',
  'version',
] as const;

export const SELECT_APPOINTMENT = `SELECT ${APPOINTMENT_COLUMNS.join(', ')} FROM appointments`;

export function rowToAppointment(row: AppointmentRow): Appointment {
  return Appointment.restore({
    id: row.id,
    patientId: row.patient_id,
    clinicianId: row.clinician_id,
    clinicianUserId: row.clinician_user_id,
    centreId: row.centre_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    sessionType: row.session_type as SessionType,
    status: row.status as AppointmentStatus,
    paymentStatus: row.payment_status as PaymentStatus,
    fee: { amount: row.fee_amount, currency: row.fee_currency },
    meetLink: row.meet_link,
    source: row.source as BookingSource,
    reason: row.reason,
    notes: row.notes,
    holdExpiresAt: row.hold_expires_at,
    checkedInAt: row.checked_in_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by as CancelledBy | null,
    cancelledById: row.cancelled_by_id,
    idempotencyKey: row.idempotency_key,
    idempotencyFingerprint: row.idempotency_fingerprint,
    createdBy: { kind: row.created_by_kind as 'patient' | 'staff', id: row.created_by },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

type Column = (typeof APPOINTMENT_COLUMNS)[number];

/** The column values of an appointment at `version`. */
export function appointmentValues(
  appointment: Appointment,
  version: number,
): Record<Column, unknown> {
  const s = appointment.snapshot();
  return {
    id: s.id,
    patient_id: s.patientId,
    clinician_id: s.clinicianId,
    clinician_user_id: s.clinicianUserId,
    centre_id: s.centreId,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    buffer_before_minutes: s.bufferBeforeMinutes,
    buffer_after_minutes: s.bufferAfterMinutes,
    session_type: s.sessionType,
    status: s.status,
    payment_status: s.paymentStatus,
    fee_amount: s.fee.amount,
    fee_currency: s.fee.currency,
    meet_link: s.meetLink,
    source: s.source,
    reason: s.reason,
    notes: s.notes,
    hold_expires_at: s.holdExpiresAt,
    checked_in_at: s.checkedInAt,
    cancelled_at: s.cancelledAt,
    cancel_reason: s.cancelReason,
    cancelled_by: s.cancelledBy,
    cancelled_by_id: s.cancelledById,
    idempotency_key: s.idempotencyKey,
    idempotency_fingerprint: s.idempotencyFingerprint,
    created_by: s.createdBy.id,
    created_by_kind: s.createdBy.kind,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    version,
  };
}

/** Columns a save may change (never the id, the creator or the idempotency facts). */
export const UPDATABLE_COLUMNS: readonly Column[] = APPOINTMENT_COLUMNS.filter(
  (c) =>
    ![
      'id',
      'patient_id',
      'clinician_id',
      'clinician_user_id',
      'created_by',
      'created_by_kind',
      'created_at',
      'idempotency_key',
      'idempotency_fingerprint',
    ].includes(c),
);
