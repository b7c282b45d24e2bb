import { Injectable } from '@nestjs/common';
import type { Channel } from '../../domain/channel';
import { ChannelUnavailableError } from '../../domain/message.errors';
import { MessageChannel, MessageChannels } from '../../application/ports/message-channel';
import { LogChannel } from './log.channel';

/**
 * The channels this process has a provider for. Today only LOG; the Twilio (SMS, WhatsApp)
 * and SMTP (e-mail) adapters join here when their configuration is present, and every other
 * channel falls back to LOG when a message is queued.
 */
@Injectable()
export class ConfiguredMessageChannels extends MessageChannels {
  private readonly adapters: ReadonlyMap<Channel, MessageChannel>;

  constructor(log: LogChannel) {
    super();
    this.adapters = new Map<Channel, MessageChannel>([[log.channel, log]]);
  }

  live(): Channel[] {
    return [...this.adapters.keys()];
  }

  adapterFor(channel: Channel): MessageChannel {
    const adapter = this.adapters.get(channel);
    if (!adapter)
      throw new ChannelUnavailableError(`No provider is configured for the ${channel} channel.`);
    return adapter;
  }
}
