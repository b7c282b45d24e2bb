import { Command } from '@nestjs/cqrs';
import type { Channel } from '../../../domain/channel';

export interface SendMessageInput {
  /** An E.164 phone number (`+918041234567`) or an e-mail address. */
  to: string;
  /** Default: SMS for a phone, EMAIL for an address. Without a configured provider: LOG. */
  channel?: Channel;
  /** What kind of message this is, e.g. `otp`, `appointment-reminder` (history and stats). */
  template: string;
  /** E-mail subject; ignored by SMS and WhatsApp. */
  subject?: string;
  body: string;
  /** The body is a secret (an OTP): it is erased once delivered and never logged. */
  sensitive?: boolean;
  /** A repeat with the same key creates nothing and answers the first message's id. */
  idempotencyKey?: string;
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
