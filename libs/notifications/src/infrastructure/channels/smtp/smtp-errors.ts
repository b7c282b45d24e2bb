import type { DomainError } from '@carebook/core';
import { ChannelUnavailableError, MessageRejectedError } from '../../../domain/message.errors';
import { providerErrorText } from '../provider-error-text';

/** The fields nodemailer sets on its errors. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Envelope or message faults found before any server answered: sending again cannot help. */
const LOCAL_PERMANENT = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

/**
 * Maps what nodemailer threw to the port's rules: an SMTP 5xx reply (unknown mailbox, relay
 * denied, message refused, authentication refused) is permanent, `MessageRejectedError`; a 4xx
 * reply (mailbox busy, greylisting, rate limit) and every connection fault (refused, timeout,
 * TLS, DNS) may pass later, `ChannelUnavailableError`.
 */
export function smtpChannelError(error: unknown, recipient: string): DomainError {
  const e = (error ?? {}) as SmtpError;
  const detail = providerErrorText(e.response ?? e.message, recipient);
  if (typeof e.responseCode === 'number') {
    const text = `SMTP ${e.responseCode}: ${detail}`;
    return e.responseCode >= 500
      ? new MessageRejectedError(text)
      : new ChannelUnavailableError(text);
  }
  const text = `SMTP ${e.code ?? 'error'}: ${detail}`;
  return e.code && LOCAL_PERMANENT.has(e.code)
    ? new MessageRejectedError(text)
    : new ChannelUnavailableError(text);
}
