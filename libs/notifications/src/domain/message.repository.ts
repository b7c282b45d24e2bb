import { Message } from './message';

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
}
