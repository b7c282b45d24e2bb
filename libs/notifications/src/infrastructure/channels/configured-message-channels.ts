import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { CHANNELS } from '../../domain/channel';
import type { Channel } from '../../domain/channel';
import { ChannelUnavailableError } from '../../domain/message.errors';
import { MessageChannel, MessageChannels } from '../../application/ports/message-channel';
import { LogChannel } from './log.channel';
import { PROVIDER_CHANNELS } from './provider-channels';

/**
 * The channels this process has a provider for: LOG always, SMS and WhatsApp when Twilio is
 * configured with their sender, EMAIL when SMTP is. Every other channel falls back to LOG when
 * a message is queued (the worker says which at start-up).
 */
@Injectable()
export class ConfiguredMessageChannels extends MessageChannels implements OnModuleDestroy {
  private readonly adapters: ReadonlyMap<Channel, MessageChannel>;

  constructor(log: LogChannel, @Inject(PROVIDER_CHANNELS) providers: MessageChannel[]) {
    super();
    this.adapters = new Map<Channel, MessageChannel>(
      [...providers, log].map((adapter) => [adapter.channel, adapter]),
    );
  }

  live(): Channel[] {
    return CHANNELS.filter((channel) => this.adapters.has(channel));
  }

  adapterFor(channel: Channel): MessageChannel {
    const adapter = this.adapters.get(channel);
    if (!adapter)
      throw new ChannelUnavailableError(`No provider is configured for the ${channel} channel.`);
    return adapter;
  }

  /** The adapters are built by a factory, not by Nest: close their connections here. */
  async onModuleDestroy(): Promise<void> {
    for (const adapter of this.adapters.values()) {
      await (adapter as Partial<OnModuleDestroy>).onModuleDestroy?.();
    }
  }
}
