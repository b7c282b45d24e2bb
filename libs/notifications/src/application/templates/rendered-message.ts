import type { CalendarEvent } from '../../domain/calendar-event';

/**
 * A message ready to queue: spread it into `SendMessage` with the recipient,
 * `new SendMessage({ to, ...appointmentConfirmation(data), idempotencyKey })`.
 */
export interface RenderedMessage {
  /** The `message_log` template name (history and stats). */
  template: string;
  subject: string;
  /** The whole SMS / WhatsApp text, and the text part of an e-mail. */
  body: string;
  /** The HTML part of an e-mail. */
  html: string;
  /** The `.ics` invite an e-mail attaches (confirmations). */
  calendarEvent?: CalendarEvent;
  /** A secret (an OTP): erased once delivered, never logged. */
  sensitive?: boolean;
}

/** Who, where and when, as every appointment message tells it. */
export interface AppointmentMessageData {
  appointmentId: string;
  patientName: string;
  /** As patients know them, e.g. `Dr Meera Iyer`. */
  clinicianName: string;
  centreName: string;
  centreAddress?: string;
  /** The centre's IANA time zone (`Asia/Kolkata`): every time is written in it. */
  centreTimeZone: string;
  startsAt: Date;
  endsAt: Date;
  sessionType: 'IN_PERSON' | 'ONLINE';
  /** The video link of an ONLINE consultation, when there is one. */
  joinUrl?: string;
}
