import type { CalendarEvent } from '../../domain/calendar-event';
import type { Channel } from '../../domain/channel';

/** What a channel adapter is handed: the message as stored, nothing else. */
export interface OutgoingMessage {
  /** The message id; adapters pass it on as the provider's idempotency key where they can. */
  id: string;
  to: string;
  channel: Channel;
  template: string;
  subject: string | null;
  /** The text: all of an SMS or WhatsApp message, the text part of an e-mail. */
  body: string;
  /** The HTML part of an e-mail, when the sender gave one. */
  html?: string;
  /** An appointment that e-mail attaches as an `.ics` invite. */
  calendarEvent?: CalendarEvent;
  sensitive: boolean;
}

/** What a channel answers when it has accepted a message. */
export interface ChannelReceipt {
  /** The provider's id of the message (Twilio SID, SMTP message id), when it gives one. */
  providerMessageId: string | null;
}

/**
 * True for an error a channel marked `outcomeUnknown`: the request may have reached the
 * provider but no answer came back (a timeout, a reset connection), so it may have been sent.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return (error as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true;
}

/**
 * Port: one delivery channel (SMS, WhatsApp, e-mail, log), one adapter each. `send` resolves
 * once the provider has accepted the message; it throws `MessageRejectedError` when the
 * provider refuses it for good and `ChannelUnavailableError` (or any other error) when a
 * later attempt may succeed. Adapters never write a message's body to process logs.
 */
export abstract class MessageChannel {
  abstract readonly channel: Channel;
  abstract send(message: OutgoingMessage): Promise<ChannelReceipt>;
  /**
   * The longest a `send` can take before it gives up (its request timeouts), when the adapter
   * knows it: an attempt younger than that may still be in flight. Default: one minute.
   */
  readonly maxSendMs?: number;
  /**
   * Asks the provider which messages it accepted that match this one (same recipient, sender
   * and text) since `since`, newest first: how a retry settles an attempt whose answer was
   * lost (the worker died after the provider accepted). Adapters whose provider cannot be
   * asked (SMTP) leave it out, and such a message is sent again.
   */
  findAccepted?(message: OutgoingMessage, since: Date): Promise<ChannelReceipt[]>;
}

/** Port: the channels this process can deliver through (those with a configured provider). */
export abstract class MessageChannels {
  /** The live channels; LOG is always among them. */
  abstract live(): Channel[];
  /** The adapter of a live channel; throws `ChannelUnavailableError` for any other. */
  abstract adapterFor(channel: Channel): MessageChannel;
}
