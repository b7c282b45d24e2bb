import { Module } from '@nestjs/common';
import { QueueDashboard } from './queue-dashboard';
import { QueueDashboardAuth } from './queue-dashboard-auth';
import { QueueDashboardSessionController } from './queue-dashboard-session.controller';

/** The BullMQ dashboard (bull-board) at `/admin/queues`, ADMIN only. */
@Module({
  controllers: [QueueDashboardSessionController],
  providers: [QueueDashboardAuth, QueueDashboard],
})
export class QueueDashboardModule {}
