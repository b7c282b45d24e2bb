import type { DemoClinician, DemoStaffUser } from './demo-clinicians';
import type { DemoRandom } from './demo-ids';
import type { DemoPatient } from './demo-patients';

/** A slot as the slot engine answers it (ms epoch). */
export interface DemoSlot {
  startsAt: number;
  endsAt: number;
  centreId: string;
  sessionType: 'IN_PERSON' | 'ONLINE';
}

/** An `appointments` row (columns not listed take their defaults; `blocked` is generated). */
export interface AppointmentRow {
  id: string;
  patient_id: string;
  clinician_id: string;
  clinician_user_id: string;
  centre_id: string;
  starts_at: string;
  ends_at: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  session_type: string;
  status: 'COMPLETED' | 'NO_SHOW' | 'CANCELLED' | 'CONFIRMED';
  payment_status: 'PAID' | 'UNPAID' | 'REFUNDED';
  fee_amount: number;
  fee_currency: string;
  source: 'ONLINE' | 'FRONT_DESK' | 'PHONE' | 'WALK_IN';
  reason: string;
  checked_in_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  cancelled_by: 'PATIENT' | 'STAFF' | null;
  cancelled_by_id: string | null;
  created_by: string;
  created_by_kind: 'patient' | 'staff';
  created_at: string;
  updated_at: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();
const PATIENT_CANCELS = ['Feeling better', 'Travelling that day', 'Could not get leave from work', 'Booked by mistake'];
const STAFF_CANCELS = ['Doctor called away for an emergency', 'Moved at the patient’s request over the phone'];

interface RowInput {
  id: string;
  clinician: DemoClinician;
  slot: DemoSlot;
  patient: DemoPatient;
  desk: DemoStaffUser;
  random: DemoRandom;
  now: number;
}

/**
 * One booking with a believable history: how it was made (app, desk, phone, walk-in), when,
 * and, for a past slot, how it ended (completed after check-in, no-show, or cancelled before).
 * Payment follows the source: the app takes money up front (refunded on cancellation), the
 * desk at the visit.
 */
export function appointmentRow({ id, clinician, slot, patient, desk, random, now }: RowInput): AppointmentRow {
  const past = slot.endsAt <= now;
  const source = sourceOf(random, slot.sessionType === 'ONLINE', past);
  const roll = random.next();
  // Someone who walked in was seen.
  const status = !past ? 'CONFIRMED' : roll < 0.76 || source === 'WALK_IN' ? 'COMPLETED' : roll < 0.85 ? 'NO_SHOW' : 'CANCELLED';
  const byPatient = source === 'ONLINE';
  const createdAt =
    source === 'WALK_IN'
      ? slot.startsAt - random.int(10, 40) * MINUTE
      : past
        ? slot.startsAt - random.int(3, 240) * HOUR
        : now - random.int(10, 6 * 24 * 60) * MINUTE;
  const cancelledAt = status === 'CANCELLED' ? createdAt + Math.round((slot.startsAt - createdAt) * (0.3 + random.next() / 2)) : null;
  const cancelledByPatient = random.chance(0.75);
  const updatedAt =
    status === 'COMPLETED' ? slot.endsAt + random.int(1, 15) * MINUTE
      : status === 'NO_SHOW' ? slot.endsAt + 30 * MINUTE
        : (cancelledAt ?? createdAt);
  return {
    id,
    patient_id: patient.id,
    clinician_id: clinician.id,
    clinician_user_id: clinician.user.id,
    centre_id: slot.centreId,
    starts_at: iso(slot.startsAt),
    ends_at: iso(slot.endsAt),
    buffer_before_minutes: 0,
    buffer_after_minutes: clinician.bufferAfterMinutes,
    session_type: slot.sessionType,
    status,
    payment_status:
      status === 'COMPLETED' || (byPatient && status !== 'CANCELLED') ? 'PAID' : byPatient ? 'REFUNDED' : 'UNPAID',
    fee_amount: clinician.feeAmount,
    fee_currency: 'INR',
    source,
    reason: random.chance(0.8) ? random.pick(clinician.specialty.reasons) : 'Follow-up visit',
    checked_in_at:
      status === 'COMPLETED' ? iso(slot.startsAt - (slot.sessionType === 'ONLINE' ? 1 : random.int(2, 20)) * MINUTE) : null,
    cancelled_at: cancelledAt === null ? null : iso(cancelledAt),
    cancel_reason: cancelledAt === null ? null : random.pick(cancelledByPatient ? PATIENT_CANCELS : STAFF_CANCELS),
    cancelled_by: cancelledAt === null ? null : cancelledByPatient ? 'PATIENT' : 'STAFF',
    cancelled_by_id: cancelledAt === null ? null : cancelledByPatient ? patient.id : desk.id,
    created_by: byPatient ? patient.id : desk.id,
    created_by_kind: byPatient ? 'patient' : 'staff',
    created_at: iso(createdAt),
    updated_at: iso(updatedAt),
  };
}

function sourceOf(random: DemoRandom, online: boolean, past: boolean): AppointmentRow['source'] {
  const roll = random.next();
  if (online) return roll < 0.85 ? 'ONLINE' : 'PHONE';
  if (roll < 0.5) return 'ONLINE';
  if (roll < 0.72) return 'FRONT_DESK';
  return past && roll > 0.9 ? 'WALK_IN' : 'PHONE';
}
