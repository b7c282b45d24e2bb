import { ConflictError, DomainError, registerErrorStatus } from '@carebook/core';

registerErrorStatus({ MESSAGE_REJECTED: 422, CHANNEL_UNAVAILABLE: 503, MESSAGE_NOT_PENDING: 409 });

/**
 * The channel refused the message for good (unknown number, blocked address, bad content):
 * sending it again cannot succeed, so delivery stops and the message is FAILED.
 */
export class MessageRejectedError extends DomainError {
  readonly code = 'MESSAGE_REJECTED';
}

/**
 * The channel could not take the message right now (provider down, timeout, rate limit, or no
 * provider configured in this process). Delivery retries with backoff.
 */
export class ChannelUnavailableError extends DomainError {
  readonly code = 'CHANNEL_UNAVAILABLE';
  override readonly retryable = true;
}

/** A SENT or FAILED message cannot change its delivery state again. */
export class MessageNotPendingError extends ConflictError {
  override readonly code = 'MESSAGE_NOT_PENDING';
  constructor(status: string) {
    super(`The message is already ${status}.`);
  }
}
