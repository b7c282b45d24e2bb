import { AlertCriticalPayload, RealtimeMessage, SocketEvents } from '../../domain/socket-events';
import { careAlertAudienceOf } from './audiences';

/**
 * A raised care alert, as the care context will announce it (that context does not exist yet:
 * nothing calls this outside its spec until a care event handler does).
 */
export interface RaisedAlert {
  eventId: string;
  occurredAt: string;
  alertId: string;
  patientId: string;
  centreId: string;
  severity: string;
  status: string;
}

/**
 * `alert:critical` to the care coordinators and centre managers of the patient's centre and to
 * the network's MANAGERs (who also receive escalations).
 */
export function alertCriticalMessage(alert: RaisedAlert): RealtimeMessage<AlertCriticalPayload> {
  return {
    event: SocketEvents.alertCritical,
    rooms: careAlertAudienceOf(alert.centreId),
    payload: {
      eventId: alert.eventId,
      occurredAt: alert.occurredAt,
      alertId: alert.alertId,
      patientId: alert.patientId,
      centreId: alert.centreId,
      severity: alert.severity,
      status: alert.status,
    },
  };
}
