import { NotificationsModule } from '@carebook/notifications';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppointmentMessagesWorkerModule } from './appointment-messages-worker.module';
import { ChannelStatusReporter } from './channel-status.reporter';
import { EnqueueMessageDelivery } from './enqueue-message-delivery.handler';
import { NotificationsProcessor } from './notifications.processor';
import { NOTIFICATIONS_QUEUE } from './notifications.queue';

const processors = [NotificationsProcessor];
const eventHandlers = [EnqueueMessageDelivery];

/** The worker's side of notifications: committed MessageQueued -> `deliver` job -> DeliverMessage. */
@Module({
  imports: [
    NotificationsModule,
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
    AppointmentMessagesWorkerModule,
  ],
  providers: [...processors, ...eventHandlers, ChannelStatusReporter],
})
export class NotificationsWorkerModule {}
