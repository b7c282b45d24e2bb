import { APP_CONFIG, Clock, DomainError, NotFoundError } from '@carebook/core';
import type { AppConfig } from '@carebook/core';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { MessageStatus } from '../../../domain/channel';
import { Message } from '../../../domain/message';
import { MessageRepository } from '../../../domain/message.repository';
import { MessageChannels, OutgoingMessage } from '../../ports/message-channel';
import { DeliverMessage } from './deliver-message.command';

@CommandHandler(DeliverMessage)
export class DeliverMessageHandler implements ICommandHandler<DeliverMessage> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly channels: MessageChannels,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'devMessages'>,
  ) {}

  async execute({ messageId, options }: DeliverMessage): Promise<{ status: MessageStatus }> {
    const message = await this.messages.findById(messageId);
    if (!message) throw new NotFoundError('Message');
    if (!message.isPending) return { status: message.status };
    try {
      const receipt = await this.channels.adapterFor(message.channel).send(outgoing(message));
      // The log channel's capture is the row: keep a sensitive body only while DEV_MESSAGES shows it.
      const keepBody = message.channel === 'LOG' && this.config.devMessages;
      message.markSent(receipt.providerMessageId, this.clock.now(), keepBody);
    } catch (error) {
      const permanent = options.finalAttempt || (error instanceof DomainError && !error.retryable);
      message.recordFailedAttempt(describe(error), permanent, this.clock.now());
      await this.messages.save(message);
      throw error;
    }
    await this.messages.save(message);
    return { status: message.status };
  }
}

function outgoing(message: Message): OutgoingMessage {
  const s = message.snapshot();
  return {
    id: s.id,
    to: s.recipient,
    channel: s.channel,
    template: s.template,
    subject: s.subject,
    body: s.body,
    html: s.html ?? undefined,
    calendarEvent: s.calendarEvent ?? undefined,
    sensitive: s.sensitive,
  };
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
