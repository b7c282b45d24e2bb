import { Command } from '@nestjs/cqrs';
import type { CalendarEvent } from '../../../domain/calendar-event';
import type { Channel } from '../../../domain/channel';
import type { MessageAbout } from '../../../domain/message-draft';

export interface SendMessageInput {
  /** An E.164 phone number (`+918041234567`) or an e-mail address. */
  to: string;
  /**
   * Default: the recipient's preferred channel when it has a provider, else SMS for a phone
   * and EMAIL for an address. A channel without a configured provider falls back to LOG.
   */
  channel?: Channel;
  /** What kind of message this is, e.g. `otp`, `appointment-reminder` (history and stats). */
  template: string;
  /** E-mail subject; ignored by SMS and WhatsApp. */
  subject?: string;
  /** The text: all of an SMS or WhatsApp message, the text part of an e-mail. */
  body: string;
  /** The HTML part of an e-mail (the templates give one); ignored by SMS and WhatsApp. */
  html?: string;
  /** An appointment an e-mail attaches as an `.ics` invite; ignored by SMS and WhatsApp. */
  calendarEvent?: CalendarEvent;
  /** The body is a secret (an OTP): it is erased once delivered and never logged. */
  sensitive?: boolean;
  /** A repeat with the same key creates nothing and answers the first message's id. */
  idempotencyKey?: string;
  /** The centre, patient and appointment the message concerns (history, stats, staff scoping). */
  about?: MessageAbout;
}

/**
 * Queues a message for delivery. Runs inside the caller's transaction when one is open, so
 * the message commits (and is sent) only if the caller's change does.
 */
export class SendMessage extends Command<{ messageId: string }> {
  constructor(readonly input: SendMessageInput) {
    super();
  }
}
