import { ClinicianCreated } from '@carebook/clinicians';
import { normalizeCity, Rooms } from '../../domain/rooms';
import { ClinicianNewPayload, RealtimeMessage, SocketEvents } from '../../domain/socket-events';

/**
 * `clinician:new` to the patients of the clinician's city. Patients have no city on record, so
 * a patient app says where it is with `subscribe:city`; undefined when the event has no city.
 */
export function clinicianNewMessage(
  event: ClinicianCreated,
): RealtimeMessage<ClinicianNewPayload> | undefined {
  if (!event.city || !normalizeCity(event.city)) return undefined;
  return {
    event: SocketEvents.clinicianNew,
    rooms: [Rooms.city(event.city)],
    payload: {
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      clinicianId: event.aggregateId,
      city: event.city,
      primaryCentreId: event.primaryCentreId,
      centreIds: event.centreIds,
    },
  };
}
