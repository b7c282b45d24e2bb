import { APP_CONFIG, Clock, DomainError, NotFoundError } from '@carebook/core';
import type { AppConfig } from '@carebook/core';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChannelUnavailableError } from '../../../domain/message.errors';
import { Message } from '../../../domain/message';
import { MessageRepository } from '../../../domain/message.repository';
import {
  isOutcomeUnknown,
  MessageChannel,
  MessageChannels,
  OutgoingMessage,
} from '../../ports/message-channel';
import { DeliverMessage, DeliveryOutcome } from './deliver-message.command';

/** How long an attempt may be in flight when its channel does not say (`maxSendMs`). */
export const DEFAULT_MAX_SEND_MS = 60_000;

/**
 * At most once per provider acceptance, at least once per message:
 *
 * 1. Open an attempt and commit it (`startAttempt`, one conditional UPDATE) before calling the
 *    provider. Only one caller wins it.
 * 2. Send, then store the outcome for that attempt only (`saveOutcome`).
 *
 * A PENDING message that still has an open attempt was left by a worker that died (or got no
 * answer) after the attempt was committed: the provider may have it. While that attempt may
 * still be in flight (younger than the channel's `maxSendMs`) nothing is sent: the caller is
 * told when to come back. After that the channel's provider is asked (`findAccepted`): a match
 * that no other message holds marks it SENT without sending; otherwise a new attempt is opened
 * over the old one and the message is sent.
 */
@CommandHandler(DeliverMessage)
export class DeliverMessageHandler implements ICommandHandler<DeliverMessage> {
  private readonly logger = new Logger('DeliverMessage');

  constructor(
    private readonly messages: MessageRepository,
    private readonly channels: MessageChannels,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'devMessages'>,
  ) {}

  async execute({ messageId, options }: DeliverMessage): Promise<DeliveryOutcome> {
    let message = await this.messages.startAttempt(messageId, null, this.clock.now());
    // Not opened: unknown, settled, or an attempt is open already. Rare; a few races at most.
    for (let round = 0; !message; round++) {
      const current = await this.messages.findById(messageId);
      if (!current) throw new NotFoundError('Message');
      if (!current.isPending) return { status: current.status };
      const open = current.attemptStartedAt;
      if (!open) {
        message = await this.messages.startAttempt(messageId, null, this.clock.now());
      } else {
        const settled = await this.settleOpenAttempt(current, open);
        if (settled) return settled;
        message = await this.messages.startAttempt(messageId, open, this.clock.now());
      }
      if (!message && round >= 3)
        throw new ChannelUnavailableError('Message delivery raced too often; retrying.');
    }
    return this.send(message, options.finalAttempt ?? false);
  }

  private async send(message: Message, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const attempt = message.attemptStartedAt as Date;
    try {
      const receipt = await this.channels.adapterFor(message.channel).send(outgoing(message));
      message.markSent(receipt.providerMessageId, this.clock.now(), this.keepsBody(message));
    } catch (error) {
      const permanent = finalAttempt || (error instanceof DomainError && !error.retryable);
      message.recordFailedAttempt(describe(error), permanent, this.clock.now(), {
        outcomeUnknown: isOutcomeUnknown(error),
      });
      await this.messages.saveOutcome(message, attempt);
      throw error;
    }
    if (!(await this.messages.saveOutcome(message, attempt))) {
      // Only when another worker took the message over in between (this one stalled for longer
      // than the channel's maxSendMs): that one asked the provider and settled it.
      this.logger.warn(`message ${message.id}: sent, but another attempt had taken it over`);
      const now = await this.messages.findById(message.id);
      return { status: now?.status ?? message.status };
    }
    return { status: message.status };
  }

  /**
   * An attempt opened at `open` never recorded its outcome. Answers the outcome when it is
   * settled here (SENT through the provider's own record, or "come back later" while it may
   * still be in flight); undefined when the message is to be sent again.
   */
  private async settleOpenAttempt(
    message: Message,
    open: Date,
  ): Promise<DeliveryOutcome | undefined> {
    const adapter = this.adapterOrUndefined(message);
    const inFlightUntil = open.getTime() + (adapter?.maxSendMs ?? DEFAULT_MAX_SEND_MS);
    if (this.clock.now().getTime() < inFlightUntil) {
      return { status: message.status, retryAt: new Date(inFlightUntil) };
    }
    if (!adapter?.findAccepted) return undefined; // cannot ask (SMTP, log): send again
    const candidates = await adapter.findAccepted(outgoing(message), message.snapshot().createdAt);
    for (const { providerMessageId } of candidates) {
      if (!providerMessageId) continue;
      const holder = await this.messages.findByProviderMessageId(providerMessageId);
      if (holder && holder.id !== message.id) continue; // the same text sent for another message
      message.markSent(providerMessageId, this.clock.now(), this.keepsBody(message));
      if (!(await this.messages.saveOutcome(message, open))) return undefined; // raced: look again
      this.logger.log(
        `message ${message.id}: an attempt lost with a dead worker had reached the provider as ${providerMessageId}; not sent again`,
      );
      return { status: message.status };
    }
    return undefined;
  }

  private adapterOrUndefined(message: Message): MessageChannel | undefined {
    try {
      return this.channels.adapterFor(message.channel);
    } catch {
      return undefined;
    }
  }

  /** The log channel's capture is the row: keep a sensitive body only while DEV_MESSAGES shows it. */
  private keepsBody(message: Message): boolean {
    return message.channel === 'LOG' && this.config.devMessages;
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
