/**
 * What the server pushes on `/notifications` (API.md, "WebSocket"). Every payload carries the
 * `eventId` of the domain event that caused it; delivery is at least once, so a client drops a
 * repeat by the pair (socket event name, eventId). One domain event may cause several socket
 * events (a check-in is an `appointment:update` and a `queue:update`), which share its id.
 */
export const SocketEvents = {
  appointmentNew: 'appointment:new',
  appointmentUpdate: 'appointment:update',
  paymentUpdate: 'payment:update',
  clinicianNew: 'clinician:new',
  queueUpdate: 'queue:update',
  alertCritical: 'alert:critical',
} as const;
export type SocketEventName = (typeof SocketEvents)[keyof typeof SocketEvents];

/** What every pushed payload has. */
export interface PushedPayload {
  /** The domain event's id: the dedupe key (with the socket event name). */
  eventId: string;
  /** When the domain event happened (ISO UTC). */
  occurredAt: string;
}

export interface Money {
  amount: number;
  currency: string;
}

/** `appointment:new`: to the clinician and the centre's front desk. */
export interface AppointmentNewPayload extends PushedPayload {
  appointmentId: string;
  patientId: string;
  patientName: string | null;
  clinicianId: string;
  centreId: string;
  startsAt: string;
  endsAt: string;
  sessionType: string;
  status: string;
  source: string;
  reason: string | null;
}

/** `appointment:update`: to the clinician, the patient and the centre's front desk. */
export interface AppointmentUpdatePayload extends PushedPayload {
  appointmentId: string;
  /** What happened: a new time, a status change, or a cancellation. */
  change: 'RESCHEDULED' | 'STATUS_CHANGED' | 'CANCELLED';
  status: string;
  previousStatus: string | null;
  startsAt: string;
  previousStartsAt: string | null;
  /** Known for reschedules; null otherwise. */
  endsAt: string | null;
  patientId: string;
  clinicianId: string;
  centreId: string;
  /** Who cancelled (PATIENT, STAFF, SYSTEM) for CANCELLED; null otherwise. */
  cancelledBy: string | null;
}

/** One waiting patient, as `GET /receptionists/queue` lists them. */
export interface QueueEntry {
  position: number;
  appointmentId: string;
  patientId: string;
  patientName: string | null;
  clinicianId: string;
  startsAt: string;
  checkedInAt: string;
}

/**
 * `queue:update`: to the centre's front desk; the whole waiting room after the change. Snapshots
 * of concurrent changes may arrive out of order: keep the one with the latest `asOf`.
 */
export interface QueueUpdatePayload extends PushedPayload {
  centreId: string;
  queue: QueueEntry[];
  /** When the snapshot was read (ISO UTC). */
  asOf: string;
}

/** `payment:update`: to the clinician, the patient and the centre's front desk. */
export interface PaymentUpdatePayload extends PushedPayload {
  paymentId: string;
  appointmentId: string;
  amount: Money;
  status: string;
}

/** `clinician:new`: to patients who subscribed to the clinician's city. */
export interface ClinicianNewPayload extends PushedPayload {
  clinicianId: string;
  city: string;
  primaryCentreId: string;
  centreIds: string[];
}

/** `alert:critical`: to the centre's care coordinators and managers. */
export interface AlertCriticalPayload extends PushedPayload {
  alertId: string;
  patientId: string;
  centreId: string;
  severity: string;
  status: string;
}

/** One push: which socket event, to which rooms, with what. Emitted once to the union of rooms. */
export interface RealtimeMessage<P extends PushedPayload = PushedPayload> {
  event: SocketEventName;
  rooms: string[];
  payload: P;
}

/**
 * Events the server sends about the connection itself (not domain events): the token ran out
 * (`auth:expired`) or the user was deactivated, deleted or changed role (`auth:revoked`). The
 * server disconnects right after either.
 */
export const ConnectionEvents = {
  expired: 'auth:expired',
  revoked: 'auth:revoked',
} as const;

/** Events a client may send: a fresh token, and the city a patient wants `clinician:new` for. */
export const ClientEvents = {
  refresh: 'auth:refresh',
  subscribeCity: 'subscribe:city',
  unsubscribeCity: 'unsubscribe:city',
} as const;
