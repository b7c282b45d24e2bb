import { Command } from '@nestjs/cqrs';
import type { MessageStatus } from '../../../domain/channel';

/** What a delivery came to; `retryAt` when another attempt may still be in flight: run again then. */
export interface DeliveryOutcome {
  status: MessageStatus;
  retryAt?: Date;
}

/**
 * Sends a queued message through its channel (the worker runs it for each `deliver` job).
 * Safe to run twice, and after a worker died mid-send: each attempt is committed before the
 * provider is called, and an attempt left open (in doubt) is settled with the provider before
 * anything is sent again (see the README's delivery guarantees). A message that is no longer
 * PENDING is left alone. Throws the channel's error after recording the attempt; a
 * non-retryable DomainError means the message is FAILED.
 */
export class DeliverMessage extends Command<DeliveryOutcome> {
  constructor(
    readonly messageId: string,
    /** `finalAttempt`: no retry follows, so a failure of any kind makes the message FAILED. */
    readonly options: { finalAttempt?: boolean } = {},
  ) {
    super();
  }
}
