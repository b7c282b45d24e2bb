import { Message } from './message';

/** What `findStranded` looks for (see RequeueStrandedMessages). */
export interface StrandedCriteria {
  /** Created before this. */
  createdBefore: Date;
  /** With no attempt open, or one opened before this (it cannot still be in flight). */
  attemptOpenedBefore: Date;
  /** Their MessageQueued outbox row is published, on this stream (the one this worker relays). */
  outboxStream: string;
  /** How many PENDING messages one page looks at. */
  limit: number;
  /** Where the previous page stopped (its `next`). */
  after?: StrandedCursor;
}

/** A place in the PENDING messages, oldest first: a creation time exactly as stored, and an id. */
export interface StrandedCursor {
  createdAt: string;
  messageId: string;
}

/** A PENDING message that may have lost its `deliver` job, with its MessageQueued event id. */
export interface StrandedMessage {
  messageId: string;
  eventId: string;
}

/** One page of the sweep: what it found, and where the next page starts (none: done). */
export interface StrandedPage {
  messages: StrandedMessage[];
  next?: StrandedCursor;
}

/** Port: stores messages and their events (in the caller's transaction when one is open). */
export abstract class MessageRepository {
  abstract findById(id: string): Promise<Message | undefined>;
  /** The message a provider accepted under this id (a Twilio SID), if any. */
  abstract findByProviderMessageId(providerMessageId: string): Promise<Message | undefined>;
  /**
   * Stores a new message with its events and answers its id. When its idempotency key is
   * already used, stores nothing (no row, no event) and answers the id of the message that
   * holds the key.
   */
  abstract add(message: Message): Promise<string>;
  /**
   * Stores the delivery state (status, attempts, error, provider id, body and HTML, the
   * provider's delivery report) of a stored message.
   */
  abstract save(message: Message): Promise<void>;
  /**
   * Opens an attempt (`Message.startAttempt(now)`) and commits it at once, in one step that
   * only one caller can win: only while the message is PENDING and its open attempt is still
   * `openAttempt` (null: none). Answers the message with the attempt open, or undefined when
   * it is not (unknown id, no longer PENDING, or another attempt got there first).
   */
  abstract startAttempt(
    id: string,
    openAttempt: Date | null,
    now: Date,
  ): Promise<Message | undefined>;
  /**
   * Stores the outcome of the attempt opened at `attempt` (as `save`, events included), unless
   * the message has moved on since (no longer PENDING, or another attempt opened): then it
   * stores nothing and answers false.
   */
  abstract saveOutcome(message: Message, attempt: Date): Promise<boolean>;
  /**
   * The PENDING messages that match `criteria`, oldest first (then by id), looking at `limit`
   * of them after `after`: those whose `deliver` job may have been lost. A page may find fewer
   * than it looked at (or none) and still have a `next`. Reads only.
   */
  abstract findStranded(criteria: StrandedCriteria): Promise<StrandedPage>;
}
