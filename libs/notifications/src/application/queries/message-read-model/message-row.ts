import type { Channel, DeliveryStatus, MessageStatus } from '../../../domain/channel';
import type { MessageDto } from '../../dto/message-history.dto';

/** `message_log` columns as a staff view needs them; a sensitive body never leaves the database. */
export const MESSAGE_COLUMNS = `m.id, m.recipient, m.channel, m.template, m.subject,
  CASE WHEN m.sensitive THEN NULL ELSE m.body END AS body, m.sensitive, m.status, m.attempts,
  m.provider_message_id, m.last_error, m.delivery_status, m.delivery_error_code,
  m.delivery_updated_at, m.centre_id, m.patient_id, m.appointment_id, m.created_at, m.sent_at`;

export interface MessageRow {
  id: string;
  recipient: string;
  channel: Channel;
  template: string;
  subject: string | null;
  body: string | null;
  sensitive: boolean;
  status: MessageStatus;
  attempts: number;
  provider_message_id: string | null;
  last_error: string | null;
  delivery_status: DeliveryStatus | null;
  delivery_error_code: string | null;
  delivery_updated_at: Date | null;
  centre_id: string | null;
  patient_id: string | null;
  appointment_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export function messageRowToDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    to: row.recipient,
    channel: row.channel,
    template: row.template,
    subject: row.subject,
    // Belt and braces: the SELECT already leaves it out.
    body: row.sensitive ? null : row.body,
    sensitive: row.sensitive,
    status: row.status,
    attempts: row.attempts,
    providerMessageId: row.provider_message_id,
    lastError: row.last_error,
    deliveryStatus: row.delivery_status,
    deliveryErrorCode: row.delivery_error_code,
    deliveryUpdatedAt: row.delivery_updated_at?.toISOString() ?? null,
    centreId: row.centre_id,
    patientId: row.patient_id,
    appointmentId: row.appointment_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
