import { ValidationFailedError } from '@carebook/core';
import type { Recipient } from './recipient';

/** Every way a message can leave carebook. `LOG` keeps it in `message_log` for development. */
export const CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL', 'LOG'] as const;
export type Channel = (typeof CHANNELS)[number];

/** PENDING until a channel accepts it; SENT and FAILED are final. */
export const MESSAGE_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * What the provider reported after accepting a message (Twilio status callbacks). READ comes
 * after DELIVERED (WhatsApp); DELIVERED, UNDELIVERED and FAILED are final otherwise.
 */
export const DELIVERY_STATUSES = ['DELIVERED', 'READ', 'UNDELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Where a channel without a configured provider sends its messages instead. */
export const FALLBACK_CHANNEL: Channel = 'LOG';

/** Which recipients a channel can reach (LOG captures anything). */
const REACHES: Record<Channel, ReadonlyArray<Recipient['kind']>> = {
  SMS: ['phone'],
  WHATSAPP: ['phone'],
  EMAIL: ['email'],
  LOG: ['phone', 'email'],
};

/** Whether `channel` can carry a message to that kind of recipient. */
export function reaches(channel: Channel, kind: Recipient['kind']): boolean {
  return REACHES[channel].includes(kind);
}

/**
 * The channel a message goes out on: the one asked for; else the recipient's preferred channel
 * when it can reach them and has a provider; else SMS for a phone and EMAIL for an address. A
 * channel that has no configured provider (not in `live`) falls back to LOG, so development
 * and tests work with no provider at all.
 */
export function resolveChannel(
  recipient: Recipient,
  requested: Channel | undefined,
  live: readonly Channel[],
  preferred?: Channel,
): Channel {
  const usablePreference =
    preferred && reaches(preferred, recipient.kind) && live.includes(preferred)
      ? preferred
      : undefined;
  const wanted = requested ?? usablePreference ?? (recipient.kind === 'phone' ? 'SMS' : 'EMAIL');
  if (!reaches(wanted, recipient.kind)) {
    throw new ValidationFailedError([
      { field: 'channel', message: `channel ${wanted} cannot reach a ${recipient.kind} recipient` },
    ]);
  }
  return live.includes(wanted) ? wanted : FALLBACK_CHANNEL;
}
