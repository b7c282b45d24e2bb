import { Command } from '@nestjs/cqrs';
import type { MessageStatus } from '../../../domain/channel';

/**
 * Sends a queued message through its channel (the worker runs it for each `deliver` job).
 * Safe to run twice: a message that is no longer PENDING is left alone. Throws the channel's
 * error after recording the attempt; a non-retryable DomainError means the message is FAILED.
 */
export class DeliverMessage extends Command<{ status: MessageStatus }> {
  constructor(
    readonly messageId: string,
    /** `finalAttempt`: no retry follows, so a failure of any kind makes the message FAILED. */
    readonly options: { finalAttempt?: boolean } = {},
  ) {
    super();
  }
}
