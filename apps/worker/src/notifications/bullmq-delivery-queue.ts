import { DeliveryQueue, QueuedDelivery } from '@carebook/notifications';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { deliverJob, DeliverMessageJob, NOTIFICATIONS_QUEUE } from './notifications.queue';

/**
 * The sweep's way back into the `notifications` queue: one `addBulk` of the relay's own
 * `deliver` jobs (deliverJob), same ids and options, so BullMQ ignores each one whose job still
 * exists. Which ones had none is read first, only to answer how many got one back.
 */
@Injectable()
export class BullmqDeliveryQueue extends DeliveryQueue {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<DeliverMessageJob>) {
    super();
  }

  async requeue(deliveries: QueuedDelivery[]): Promise<number> {
    if (!deliveries.length) return 0;
    const missing = await this.countMissing(deliveries.map((d) => d.messageId));
    await this.queue.addBulk(
      deliveries.map(deliverJob).map(({ name, data, jobId, opts }) => ({
        name,
        data,
        opts: { ...opts, jobId },
      })),
    );
    return missing;
  }

  /** How many of these job ids have no job in the queue (in any state). */
  private async countMissing(jobIds: string[]): Promise<number> {
    const states = await Promise.all(jobIds.map((id) => this.queue.getJobState(id)));
    return states.filter((state) => state === 'unknown').length;
  }
}
