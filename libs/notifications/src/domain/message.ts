import { AggregateRoot, newId } from '@carebook/core';
import type { CalendarEvent } from './calendar-event';
import type { Channel, DeliveryStatus, MessageStatus } from './channel';
import { MessageQueued } from './events/message-queued.event';
import { MessageDraft, validDraft } from './message-draft';
import { MessageNotPendingError } from './message.errors';

export interface MessageState {
  id: string;
  recipient: string;
  channel: Channel;
  template: string;
  subject: string | null;
  body: string;
  html: string | null;
  calendarEvent: CalendarEvent | null;
  sensitive: boolean;
  status: MessageStatus;
  attempts: number;
  providerMessageId: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  /** What the message concerns (see MessageAbout); null when nobody in particular. */
  centreId: string | null;
  patientId: string | null;
  appointmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  /** The provider's report after accepting it (SENT messages only); null until one arrives. */
  deliveryStatus: DeliveryStatus | null;
  /** The provider's error code with an UNDELIVERED/FAILED report (Twilio's ErrorCode). */
  deliveryErrorCode: string | null;
  deliveryUpdatedAt: Date | null;
  /**
   * When the attempt in progress started (committed before the provider is called); null when
   * no attempt is open. Still set on a PENDING message whose worker died, or whose provider call
   * ended without an answer: that attempt is in doubt, and the next one asks the provider first.
   */
  attemptStartedAt: Date | null;
}

/** A later report replaces an earlier one only when it ranks higher (callbacks arrive out of order). */
const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  DELIVERED: 1,
  UNDELIVERED: 1,
  FAILED: 1,
  READ: 2,
};

const LAST_ERROR_MAX = 500;
/** What a sensitive message's body becomes once it no longer needs to be sent. */
export const REDACTED_BODY = '[redacted]';

/**
 * One message to one recipient on one channel, and its delivery: PENDING until a channel
 * accepts it (SENT) or delivery gives up (FAILED). Each attempt is counted.
 */
export class Message extends AggregateRoot {
  private constructor(private state: MessageState) {
    super();
  }

  /** A new PENDING message; records MessageQueued. Throws VALIDATION_FAILED listing every bad field. */
  static queue(draft: MessageDraft, now: Date): Message {
    const { subject, html, idempotencyKey } = validDraft(draft);
    const message = new Message({
      id: newId(),
      recipient: draft.recipient.address,
      channel: draft.channel,
      template: draft.template,
      subject,
      body: draft.body,
      html,
      calendarEvent: draft.calendarEvent ?? null,
      sensitive: draft.sensitive ?? false,
      status: 'PENDING',
      attempts: 0,
      providerMessageId: null,
      lastError: null,
      idempotencyKey,
      centreId: draft.about?.centreId ?? null,
      patientId: draft.about?.patientId ?? null,
      appointmentId: draft.about?.appointmentId ?? null,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
      deliveryStatus: null,
      deliveryErrorCode: null,
      deliveryUpdatedAt: null,
      attemptStartedAt: null,
    });
    message.record(new MessageQueued(message.id, now));
    return message;
  }

  /** Rebuilds a stored message; records nothing. */
  static restore(state: MessageState): Message {
    return new Message({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get status(): MessageStatus {
    return this.state.status;
  }
  get channel(): Channel {
    return this.state.channel;
  }
  get isPending(): boolean {
    return this.state.status === 'PENDING';
  }
  /** See MessageState.attemptStartedAt. */
  get attemptStartedAt(): Date | null {
    return this.state.attemptStartedAt;
  }
  snapshot(): Readonly<MessageState> {
    return { ...this.state };
  }

  /**
   * Opens an attempt (counted now) before the provider is called. Stored before the call, it
   * is what tells a later attempt that this one may have reached the provider.
   */
  startAttempt(now: Date): void {
    this.assertPending();
    this.state = {
      ...this.state,
      attempts: this.state.attempts + 1,
      attemptStartedAt: now,
      updatedAt: now,
    };
  }

  /**
   * A channel accepted the message (the open attempt, or one more when none is open). A
   * sensitive body is erased then, unless `keepBody`: the development `log` channel's capture
   * is the row, read back by the dev route.
   */
  markSent(providerMessageId: string | null, now: Date, keepBody: boolean): void {
    this.assertPending();
    this.state = {
      ...this.state,
      status: 'SENT',
      attempts: this.attemptsAfterThisOne(),
      attemptStartedAt: null,
      providerMessageId,
      sentAt: now,
    };
    this.settle(now, keepBody);
  }

  /**
   * An attempt failed. A permanent failure ends delivery (FAILED, and a sensitive body is
   * erased: nothing shows a failed message's text); otherwise it stays PENDING for the next.
   * `outcomeUnknown` (no answer from the provider): the attempt stays open, in doubt, so the
   * next one asks the provider before sending again.
   */
  recordFailedAttempt(
    reason: string,
    permanent: boolean,
    now: Date,
    { outcomeUnknown = false }: { outcomeUnknown?: boolean } = {},
  ): void {
    this.assertPending();
    const lastError = reason.slice(0, LAST_ERROR_MAX) || 'unknown error';
    const open = !permanent && outcomeUnknown ? this.state.attemptStartedAt : null;
    this.state = {
      ...this.state,
      attempts: this.attemptsAfterThisOne(),
      attemptStartedAt: open,
      lastError,
      updatedAt: now,
    };
    if (permanent) {
      this.state = { ...this.state, status: 'FAILED' };
      this.settle(now, false);
    }
  }

  /**
   * The provider reported on a message it accepted (SENT). Answers false, changing nothing,
   * for a message that was never sent, a repeated report, or one older than what is known.
   */
  recordDelivery(status: DeliveryStatus, errorCode: string | null, now: Date): boolean {
    const current = this.state.deliveryStatus;
    if (this.state.status !== 'SENT') return false;
    if (current && DELIVERY_RANK[status] <= DELIVERY_RANK[current]) return false;
    this.state = {
      ...this.state,
      deliveryStatus: status,
      deliveryErrorCode: status === 'UNDELIVERED' || status === 'FAILED' ? errorCode : null,
      deliveryUpdatedAt: now,
      updatedAt: now,
    };
    return true;
  }

  /** The message left PENDING: a sensitive body (an OTP) is not needed any more, so it is not kept at rest. */
  private settle(now: Date, keepBody: boolean): void {
    const erase = this.state.sensitive && !keepBody;
    this.state = erase
      ? { ...this.state, body: REDACTED_BODY, html: null, updatedAt: now }
      : { ...this.state, updatedAt: now };
  }

  /** An outcome closes the open attempt (already counted) or counts one of its own. */
  private attemptsAfterThisOne(): number {
    return this.state.attemptStartedAt ? this.state.attempts : this.state.attempts + 1;
  }

  private assertPending(): void {
    if (!this.isPending) throw new MessageNotPendingError(this.state.status);
  }
}
