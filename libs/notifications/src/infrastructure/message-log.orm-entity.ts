import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarEvent } from '../domain/calendar-event';

@Entity({ name: 'message_log' })
export class MessageLogOrmEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ name: 'calendar_event', type: 'jsonb', nullable: true })
  calendarEvent: CalendarEvent | null;

  @Column({ type: 'boolean' })
  sensitive: boolean;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId: string | null;

  @Column({ name: 'patient_id', type: 'uuid', nullable: true })
  patientId: string | null;

  @Column({ name: 'appointment_id', type: 'uuid', nullable: true })
  appointmentId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'delivery_status', type: 'text', nullable: true })
  deliveryStatus: string | null;

  @Column({ name: 'delivery_error_code', type: 'text', nullable: true })
  deliveryErrorCode: string | null;

  @Column({ name: 'delivery_updated_at', type: 'timestamptz', nullable: true })
  deliveryUpdatedAt: Date | null;

  @Column({ name: 'attempt_started_at', type: 'timestamptz', nullable: true })
  attemptStartedAt: Date | null;
}
