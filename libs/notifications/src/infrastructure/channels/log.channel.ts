import { Injectable, Logger } from '@nestjs/common';
import type { Channel } from '../../domain/channel';
import { maskRecipient } from '../../domain/recipient';
import {
  ChannelReceipt,
  MessageChannel,
  OutgoingMessage,
} from '../../application/ports/message-channel';

/**
 * The development channel, and the fallback of every channel without a provider. It sends
 * nothing: the `message_log` row is the capture (read back through `GET /dev/messages` when
 * DEV_MESSAGES=1). Its log line names the message but never holds the body, which may be an
 * OTP, nor the full recipient.
 */
@Injectable()
export class LogChannel extends MessageChannel {
  readonly channel: Channel = 'LOG';
  private readonly logger = new Logger(LogChannel.name);

  async send(message: OutgoingMessage): Promise<ChannelReceipt> {
    this.logger.log(
      `message ${message.id} (${message.template}) to ${maskRecipient(message.to)} captured by the log channel`,
    );
    return { providerMessageId: `log-${message.id}` };
  }
}
