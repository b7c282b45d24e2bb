import { Clock, DATABASE_CONFIG } from '@carebook/core';
import type { DatabaseConfig } from '@carebook/core';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MessageRepository, StrandedCursor } from '../../../domain/message.repository';
import { DeliveryQueue } from '../../ports/delivery-queue';
import { MessageChannels } from '../../ports/message-channel';
import { DEFAULT_MAX_SEND_MS } from '../deliver-message/deliver-message.handler';
import { RequeueStrandedMessages, STRANDED_AFTER_MS } from './requeue-stranded-messages.command';

/** PENDING messages looked at per page (and at most one `addBulk` each). */
export const STRANDED_BATCH = 500;

/**
 * Pages through the stranded messages oldest first (a cursor, not OFFSET: a message whose job
 * still exists stays a candidate, and must not hold back the ones after it) and hands each page
 * to the delivery queue.
 */
@CommandHandler(RequeueStrandedMessages)
export class RequeueStrandedMessagesHandler implements ICommandHandler<RequeueStrandedMessages> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly deliveries: DeliveryQueue,
    private readonly channels: MessageChannels,
    private readonly clock: Clock,
    @Inject(DATABASE_CONFIG) private readonly database: Pick<DatabaseConfig, 'outboxStream'>,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now().getTime();
    const criteria = {
      createdBefore: new Date(now - STRANDED_AFTER_MS),
      attemptOpenedBefore: new Date(now - this.inDoubtWindowMs()),
      outboxStream: this.database.outboxStream,
      limit: STRANDED_BATCH,
    };
    let requeued = 0;
    let after: StrandedCursor | undefined;
    do {
      const page = await this.messages.findStranded({ ...criteria, after });
      if (page.messages.length) requeued += await this.deliveries.requeue(page.messages);
      after = page.next;
    } while (after);
    return requeued;
  }

  /**
   * How long an open attempt may still be in flight, the longest over the live channels (as
   * DeliverMessage waits it out): a younger one belongs to a worker that is sending right now.
   */
  private inDoubtWindowMs(): number {
    return Math.max(
      ...this.channels
        .live()
        .map((channel) => this.channels.adapterFor(channel).maxSendMs ?? DEFAULT_MAX_SEND_MS),
    );
  }
}
