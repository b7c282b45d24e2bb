import {
  AppointmentBooked,
  AppointmentCancelled,
  AppointmentRescheduled,
  AppointmentStatusChanged,
} from '@carebook/booking';
import {
  AppointmentNewPayload,
  AppointmentUpdatePayload,
  QueueEntry,
  QueueUpdatePayload,
  RealtimeMessage,
  SocketEvents,
} from '../../domain/socket-events';
import { frontDeskOf, partiesOf } from './audiences';

/** The booking events that change an existing appointment. */
export type AppointmentChange =
  AppointmentRescheduled | AppointmentStatusChanged | AppointmentCancelled;
export const APPOINTMENT_CHANGES = [
  AppointmentRescheduled,
  AppointmentStatusChanged,
  AppointmentCancelled,
] as const;

/** `appointment:new` to the clinician (their staff user, when known) and the centre's front desk. */
export function appointmentNewMessage(
  event: AppointmentBooked,
  clinicianUserId: string | undefined,
): RealtimeMessage<AppointmentNewPayload> {
  return {
    event: SocketEvents.appointmentNew,
    rooms: [...partiesOf({ clinicianUserId }), ...frontDeskOf(event.centreId)],
    payload: {
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      appointmentId: event.aggregateId,
      patientId: event.patientId,
      patientName: event.patientName,
      clinicianId: event.clinicianId,
      centreId: event.centreId,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      sessionType: event.sessionType,
      status: event.status,
      source: event.source,
      reason: event.reason,
    },
  };
}

/** `appointment:update` to the clinician, the patient and the centre's front desk. */
export function appointmentUpdateMessage(
  event: AppointmentChange,
  clinicianUserId: string | undefined,
): RealtimeMessage<AppointmentUpdatePayload> {
  const common = {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    appointmentId: event.aggregateId,
    status: event.status,
    startsAt: event.startsAt,
    patientId: event.patientId,
    clinicianId: event.clinicianId,
    centreId: event.centreId,
  };
  const payload: AppointmentUpdatePayload =
    event instanceof AppointmentRescheduled
      ? {
          ...common,
          change: 'RESCHEDULED',
          previousStatus: null,
          previousStartsAt: event.previousStartsAt,
          endsAt: event.endsAt,
          cancelledBy: null,
        }
      : event instanceof AppointmentCancelled
        ? {
            ...common,
            change: 'CANCELLED',
            previousStatus: event.previousStatus,
            previousStartsAt: null,
            endsAt: null,
            cancelledBy: event.cancelledBy,
          }
        : {
            ...common,
            change: 'STATUS_CHANGED',
            previousStatus: event.previousStatus,
            previousStartsAt: null,
            endsAt: null,
            cancelledBy: null,
          };
  return {
    event: SocketEvents.appointmentUpdate,
    rooms: [
      ...partiesOf({ clinicianUserId, patientId: event.patientId }),
      ...frontDeskOf(event.centreId),
    ],
    payload,
  };
}

/** Statuses whose coming or going changes what the front desk's waiting-room board shows. */
export const QUEUE_STATUSES: readonly string[] = ['CHECKED_IN', 'IN_PROGRESS'];

/** True when `event` moves an appointment into or out of CHECKED_IN / IN_PROGRESS. */
export function changesQueue(event: AppointmentChange): boolean {
  if (event instanceof AppointmentRescheduled) return QUEUE_STATUSES.includes(event.status);
  return QUEUE_STATUSES.includes(event.status) || QUEUE_STATUSES.includes(event.previousStatus);
}

/** `queue:update` to the centre's front desk: the whole queue as `GetFrontDeskQueue` read it. */
export function queueUpdateMessage(
  event: AppointmentChange,
  queue: QueueEntry[],
  asOf: Date,
): RealtimeMessage<QueueUpdatePayload> {
  return {
    event: SocketEvents.queueUpdate,
    rooms: frontDeskOf(event.centreId),
    payload: {
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      centreId: event.centreId,
      queue,
      asOf: asOf.toISOString(),
    },
  };
}
