import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor';
import { MAINTENANCE_QUEUE } from './maintenance.queue';
import { MaintenanceScheduler } from './maintenance.scheduler';

/** Housekeeping of tables that only grow (Idempotency-Key answers), hourly. */
@Module({
  imports: [BullModule.registerQueue({ name: MAINTENANCE_QUEUE })],
  providers: [MaintenanceProcessor, MaintenanceScheduler],
})
export class MaintenanceWorkerModule {}
