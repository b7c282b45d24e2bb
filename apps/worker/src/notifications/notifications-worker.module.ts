import { NotificationsModule } from '@carebook/notifications';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppointmentMessagesWorkerModule } from './appointment-messages-worker.module';
import { ChannelStatusReporter } from './channel-status.reporter';
import { NotificationsProcessor } from './notifications.processor';
import { NOTIFICATIONS_QUEUE } from './notifications.queue';

const processors = [NotificationsProcessor];

/**
 * The worker's side of notifications: the relay turns a committed MessageQueued into a `deliver`
 * job (DELIVER_ON_MESSAGE_QUEUED) and NotificationsProcessor runs DeliverMessage for it.
 */
@Module({
  imports: [
    NotificationsModule,
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
    AppointmentMessagesWorkerModule,
  ],
  providers: [...processors, ChannelStatusReporter],
})
export class NotificationsWorkerModule {}
