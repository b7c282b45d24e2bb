import { ValidationFailedError } from '@carebook/core';
import type { Recipient } from './recipient';

/** Every way a message can leave carebook. `LOG` keeps it in `message_log` for development. */
export const CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL', 'LOG'] as const;
export type Channel = (typeof CHANNELS)[number];

/** PENDING until a channel accepts it; SENT and FAILED are final. */
export const MESSAGE_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Where a channel without a configured provider sends its messages instead. */
export const FALLBACK_CHANNEL: Channel = 'LOG';

/** Which recipients a channel can reach (LOG captures anything). */
const REACHES: Record<Channel, ReadonlyArray<Recipient['kind']>> = {
  SMS: ['phone'],
  WHATSAPP: ['phone'],
  EMAIL: ['email'],
  LOG: ['phone', 'email'],
};

/**
 * The channel a message goes out on: the one asked for, else SMS for a phone and EMAIL for an
 * address. A channel that has no configured provider (not in `live`) falls back to LOG, so
 * development and tests work with no provider at all.
 */
export function resolveChannel(
  recipient: Recipient,
  requested: Channel | undefined,
  live: readonly Channel[],
): Channel {
  const wanted = requested ?? (recipient.kind === 'phone' ? 'SMS' : 'EMAIL');
  if (!REACHES[wanted].includes(recipient.kind)) {
    throw new ValidationFailedError([
      { field: 'channel', message: `channel ${wanted} cannot reach a ${recipient.kind} recipient` },
    ]);
  }
  return live.includes(wanted) ? wanted : FALLBACK_CHANNEL;
}
