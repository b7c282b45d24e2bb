import type { DomainError } from '@carebook/core';
import { ChannelUnavailableError, MessageRejectedError } from '../../../domain/message.errors';
import { providerErrorText } from '../provider-error-text';

/** What the SDK throws for an HTTP error answer (`RestException`): status and Twilio's code. */
interface TwilioRestError {
  status: number;
  code?: number;
  message?: string;
}

/** Connection errors that mean the request never reached Twilio. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
]);

function isRestError(error: unknown): error is TwilioRestError {
  return typeof (error as TwilioRestError | null)?.status === 'number';
}

/**
 * Maps what the Twilio SDK threw to the port's rules. An HTTP 4xx answer (21211 invalid `To`,
 * 21610 unsubscribed recipient, 21614 not a mobile number, 20003 bad credentials, ...) means
 * the same request can never succeed: `MessageRejectedError`, no retry. 429, 5xx and anything
 * that is not an answer (refused connection, timeout, reset) may pass later:
 * `ChannelUnavailableError`, retried with backoff.
 */
export function twilioChannelError(error: unknown, recipient: string): DomainError {
  if (isRestError(error)) {
    const detail = providerErrorText(error.message, recipient);
    const text = `Twilio ${error.code ?? 'error'} (HTTP ${error.status}): ${detail}`;
    const transient = error.status === 429 || error.status >= 500 || error.status < 400;
    return transient ? new ChannelUnavailableError(text) : new MessageRejectedError(text);
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const reason = typeof code === 'string' ? code : providerErrorText(message, recipient);
  const unreachable = new ChannelUnavailableError(`Twilio unreachable: ${reason}`);
  // Sent but unanswered (timeout, reset): Twilio may have accepted it (see isOutcomeUnknown).
  if (typeof code === 'string' && !NOT_SENT.has(code))
    Object.assign(unreachable, { outcomeUnknown: true });
  return unreachable;
}
