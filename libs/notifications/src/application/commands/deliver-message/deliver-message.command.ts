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
    /** No retry follows this attempt: a failure, whatever its kind, makes the message FAILED. */
    readonly finalAttempt = false,
  ) {
    super();
  }
}
