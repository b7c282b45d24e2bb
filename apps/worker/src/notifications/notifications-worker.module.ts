import { MessageSweepModule, NotificationsModule } from '@carebook/notifications';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppointmentMessagesWorkerModule } from './appointment-messages-worker.module';
import { BullmqDeliveryQueue } from './bullmq-delivery-queue';
import { ChannelStatusReporter } from './channel-status.reporter';
import { MessageSweepScheduler } from './message-sweep.scheduler';
import { NotificationsProcessor } from './notifications.processor';
import { NOTIFICATIONS_QUEUE } from './notifications.queue';

const processors = [NotificationsProcessor];
const schedulers = [MessageSweepScheduler];
/** One registration (one Queue) shared by the processor's module and the sweep's. */
const notificationsQueue = BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE });

/**
 * The worker's side of notifications: the relay turns a committed MessageQueued into a `deliver`
 * job (DELIVER_ON_MESSAGE_QUEUED) and NotificationsProcessor runs DeliverMessage for it; every
 * minute a `sweep-messages` job gives back their job to messages whose job Redis lost.
 */
@Module({
  imports: [
    NotificationsModule,
    notificationsQueue,
    MessageSweepModule.register({
      deliveryQueue: BullmqDeliveryQueue,
      imports: [notificationsQueue],
    }),
    AppointmentMessagesWorkerModule,
  ],
  providers: [...processors, ...schedulers, ChannelStatusReporter],
})
export class NotificationsWorkerModule {}
