import { Clock } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resolveChannel } from '../../../domain/channel';
import { ChannelPreferences } from '../../../domain/channel-preferences';
import { Message } from '../../../domain/message';
import { MessageRepository } from '../../../domain/message.repository';
import { Recipient } from '../../../domain/recipient';
import { MessageChannels } from '../../ports/message-channel';
import { SendMessage } from './send-message.command';

@CommandHandler(SendMessage)
export class SendMessageHandler implements ICommandHandler<SendMessage> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly channels: MessageChannels,
    private readonly clock: Clock,
    private readonly preferences: ChannelPreferences,
  ) {}

  async execute({ input }: SendMessage): Promise<{ messageId: string }> {
    const recipient = Recipient.of(input.to);
    const preferred = input.channel
      ? undefined
      : await this.preferences.preferredChannel(recipient.address);
    const message = Message.queue(
      {
        recipient,
        channel: resolveChannel(recipient, input.channel, this.channels.live(), preferred),
        template: input.template,
        subject: input.subject,
        body: input.body,
        html: input.html,
        calendarEvent: input.calendarEvent,
        sensitive: input.sensitive,
        idempotencyKey: input.idempotencyKey,
        about: input.about,
      },
      this.clock.now(),
    );
    return { messageId: await this.messages.add(message) };
  }
}
