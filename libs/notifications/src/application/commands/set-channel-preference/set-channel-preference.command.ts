import { Command } from '@nestjs/cqrs';
import type { Channel } from '../../../domain/channel';

/**
 * Sets the channel messages to `to` use when the sender names none (`null` clears it). SMS or
 * WHATSAPP for a phone, EMAIL for an address; a preferred channel without a configured
 * provider is passed over for the default one, not for LOG.
 */
export class SetChannelPreference extends Command<void> {
  constructor(
    readonly to: string,
    readonly channel: Exclude<Channel, 'LOG'> | null,
  ) {
    super();
  }
}
