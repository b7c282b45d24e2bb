import { BookingModule } from '@carebook/booking';
import { CentresModule } from '@carebook/centres';
import { CliniciansModule } from '@carebook/clinicians';
import { PatientsModule } from '@carebook/patients';
import { Module } from '@nestjs/common';
import { DisconnectRevokedSockets } from './application/event-handlers/disconnect-revoked-sockets.handler';
import { PushAppointmentNew } from './application/event-handlers/push-appointment-new.handler';
import { PushAppointmentUpdate } from './application/event-handlers/push-appointment-update.handler';
import { PushClinicianNew } from './application/event-handlers/push-clinician-new.handler';
import { PushQueueUpdate } from './application/event-handlers/push-queue-update.handler';
import { ClinicianUsers } from './application/ports/clinician-users';
import { FrontDeskQueues } from './application/ports/front-desk-queues';
import { RealtimePublisher } from './application/ports/realtime-publisher';
import { CqrsClinicianUsers } from './infrastructure/cqrs-clinician-users';
import { CqrsFrontDeskQueues } from './infrastructure/cqrs-front-desk-queues';
import { RedisRealtimePublisher } from './infrastructure/redis-realtime.publisher';

/** Reactions to committed events; they run where a DomainEventDispatcher is (the worker). */
const eventHandlers = [
  PushAppointmentNew,
  PushAppointmentUpdate,
  PushQueueUpdate,
  PushClinicianNew,
  DisconnectRevokedSockets,
];
/** Other contexts, reached only through their queries; and the way out to the API processes. */
const ports = [
  { provide: ClinicianUsers, useClass: CqrsClinicianUsers },
  { provide: FrontDeskQueues, useClass: CqrsFrontDeskQueues },
  { provide: RealtimePublisher, useClass: RedisRealtimePublisher },
];

/**
 * Realtime, the worker's half: committed domain events -> Socket.IO pushes to rooms through the
 * Redis emitter. Import it in the worker only. The API's half is the `/notifications` gateway
 * (apps/api) on a `RealtimeIoAdapter`. The contexts whose queries the handlers ask are imported
 * here so the module works in any app.
 */
@Module({
  imports: [BookingModule, CentresModule, CliniciansModule, PatientsModule],
  providers: [...eventHandlers, ...ports],
})
export class RealtimeModule {}
