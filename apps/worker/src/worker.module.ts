import { CentresModule } from '@carebook/centres';
import { CliniciansModule } from '@carebook/clinicians';
import { IdentityModule } from '@carebook/identity';
import { RealtimeModule } from '@carebook/realtime';
import {
  BullmqOutboxPublisher,
  CoreModule,
  CoreModuleOptions,
  DATABASE_CONFIG,
  DatabaseConfig,
  DOMAIN_EVENTS_QUEUE,
  DomainEventDispatcher,
  OutboxPublisher,
  OutboxRelay,
  OUTBOX_ROUTES,
  REDIS_CONFIG,
  RedisConfig,
  bullConnection,
} from '@carebook/core';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { BookingWorkerModule } from './booking/booking-worker.module';
import { DirectoryWorkerModule } from './directory/directory-worker.module';
import { MaintenanceWorkerModule } from './maintenance/maintenance-worker.module';
import { DomainEventsProcessor } from './domain-events/domain-events.processor';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { DELIVER_ON_MESSAGE_QUEUED } from './notifications/notifications.queue';
import { OutboxRelayRunner } from './outbox/outbox-relay.runner';

const processors = [DomainEventsProcessor];

/** The worker: outbox relay, BullMQ processors and schedulers. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(options),
        BullModule.forRootAsync({
          inject: [REDIS_CONFIG],
          useFactory: (redis: RedisConfig) => ({
            prefix: redis.queuePrefix,
            connection: bullConnection(redis.url, { maxRetriesPerRequest: null }),
          }),
        }),
        DiscoveryModule,
        BullModule.registerQueue({ name: DOMAIN_EVENTS_QUEUE }),
        CentresModule,
        CliniciansModule,
        // Identity answers the staff-user queries other contexts ask while projecting (names).
        IdentityModule,
        DirectoryWorkerModule,
        MaintenanceWorkerModule,
        NotificationsWorkerModule,
        BookingWorkerModule,
        // Committed events -> Socket.IO pushes to the API processes (Redis emitter).
        RealtimeModule,
      ],
      providers: [
        ...processors,
        DomainEventDispatcher,
        { provide: OutboxPublisher, useClass: BullmqOutboxPublisher },
        { provide: OUTBOX_ROUTES, useValue: [DELIVER_ON_MESSAGE_QUEUED] },
        {
          provide: OutboxRelay,
          inject: [DataSource, OutboxPublisher, DATABASE_CONFIG],
          useFactory: (db: DataSource, p: OutboxPublisher, config: DatabaseConfig) =>
            new OutboxRelay(db, p, undefined, config.outboxStream),
        },
        OutboxRelayRunner,
      ],
    };
  }
}
