import {
  Money,
  PaymentUpdatePayload,
  RealtimeMessage,
  SocketEvents,
} from '../../domain/socket-events';
import { frontDeskOf, partiesOf } from './audiences';

/**
 * A payment's new state, as the payments context will announce it (that context does not
 * exist yet: nothing calls this outside its spec until a payments event handler does).
 */
export interface PaymentChange {
  eventId: string;
  occurredAt: string;
  paymentId: string;
  appointmentId: string;
  amount: Money;
  status: string;
  patientId: string;
  centreId: string;
  /** The clinician's staff user, when known. */
  clinicianUserId?: string;
}

/** `payment:update` to the clinician, the patient and the centre's front desk. */
export function paymentUpdateMessage(change: PaymentChange): RealtimeMessage<PaymentUpdatePayload> {
  return {
    event: SocketEvents.paymentUpdate,
    rooms: [
      ...partiesOf({ clinicianUserId: change.clinicianUserId, patientId: change.patientId }),
      ...frontDeskOf(change.centreId),
    ],
    payload: {
      eventId: change.eventId,
      occurredAt: change.occurredAt,
      paymentId: change.paymentId,
      appointmentId: change.appointmentId,
      amount: { amount: change.amount.amount, currency: change.amount.currency },
      status: change.status,
    },
  };
}
