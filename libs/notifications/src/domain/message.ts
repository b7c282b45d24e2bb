import { AggregateRoot, newId } from '@carebook/core';
import type { Channel, MessageStatus } from './channel';
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
  sensitive: boolean;
  status: MessageStatus;
  attempts: number;
  providerMessageId: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

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
    const { subject, idempotencyKey } = validDraft(draft);
    const message = new Message({
      id: newId(),
      recipient: draft.recipient.address,
      channel: draft.channel,
      template: draft.template,
      subject,
      body: draft.body,
      sensitive: draft.sensitive ?? false,
      status: 'PENDING',
      attempts: 0,
      providerMessageId: null,
      lastError: null,
      idempotencyKey,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
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
  snapshot(): Readonly<MessageState> {
    return { ...this.state };
  }

  /**
   * A channel accepted the message (one more attempt). A sensitive body is erased then, unless
   * `keepBody`: the development `log` channel's capture is the row, read back by the dev route.
   */
  markSent(providerMessageId: string | null, now: Date, keepBody: boolean): void {
    this.assertPending();
    const { attempts } = this.state;
    this.state = {
      ...this.state,
      status: 'SENT',
      attempts: attempts + 1,
      providerMessageId,
      sentAt: now,
    };
    this.settle(now, keepBody);
  }

  /**
   * An attempt failed. A permanent failure ends delivery (FAILED, and a sensitive body is
   * erased: nothing shows a failed message's text); otherwise it stays PENDING for the next.
   */
  recordFailedAttempt(reason: string, permanent: boolean, now: Date): void {
    this.assertPending();
    const lastError = reason.slice(0, LAST_ERROR_MAX) || 'unknown error';
    this.state = { ...this.state, attempts: this.state.attempts + 1, lastError, updatedAt: now };
    if (permanent) {
      this.state = { ...this.state, status: 'FAILED' };
      this.settle(now, false);
    }
  }

  /** The message left PENDING: a sensitive body (an OTP) is not needed any more, so it is not kept at rest. */
  private settle(now: Date, keepBody: boolean): void {
    const erase = this.state.sensitive && !keepBody;
    this.state = { ...this.state, body: erase ? REDACTED_BODY : this.state.body, updatedAt: now };
  }

  private assertPending(): void {
    if (!this.isPending) throw new MessageNotPendingError(this.state.status);
  }
}
