/** Where an appointment stands. CANCELLED, COMPLETED and NO_SHOW are final. */
export const APPOINTMENT_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'CHECKED_IN',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
  'NO_SHOW',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const PAYMENT_STATUSES = ['UNPAID', 'PENDING', 'PAID', 'FAILED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How the booking reached us: the patient app, the front desk, a phone call or a walk-in. */
export const BOOKING_SOURCES = ['ONLINE', 'FRONT_DESK', 'PHONE', 'WALK_IN'] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];

export const SESSION_TYPES = ['IN_PERSON', 'ONLINE'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Who cancelled: the patient, a staff user, or the platform (an unpaid hold expired). */
export const CANCELLERS = ['PATIENT', 'STAFF', 'SYSTEM'] as const;
export type CancelledBy = (typeof CANCELLERS)[number];

/**
 * The legal transitions, and the only ones. CHECKED_IN -> CANCELLED is allowed (staff only:
 * a patient who checked in and left before being seen); a checked-in patient is never NO_SHOW.
 */
export const TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  PENDING: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses that hold the clinician's time (everything but CANCELLED; see the exclusion constraint). */
export const LIVE_STATUSES: readonly AppointmentStatus[] = APPOINTMENT_STATUSES.filter(
  (s) => s !== 'CANCELLED',
);
