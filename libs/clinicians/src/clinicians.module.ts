import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddTimeOffHandler } from './application/commands/add-time-off/add-time-off.handler';
import { CreateClinicianHandler } from './application/commands/create-clinician/create-clinician.handler';
import { DeleteClinicianHandler } from './application/commands/delete-clinician/delete-clinician.handler';
import { RemoveTimeOffHandler } from './application/commands/remove-time-off/remove-time-off.handler';
import { ReplaceWeeklyAvailabilityHandler } from './application/commands/replace-weekly-availability/replace-weekly-availability.handler';
import { ToggleClinicianActiveHandler } from './application/commands/toggle-clinician-active/toggle-clinician-active.handler';
import { UpdateClinicianHandler } from './application/commands/update-clinician/update-clinician.handler';
import { FollowClinicianStaffUser } from './application/event-handlers/follow-clinician-staff-user.handler';
import { CentreDirectory } from './application/ports/centre-directory';
import { StaffAccounts } from './application/ports/staff-accounts';
import { GetClinicianAvailabilityHandler } from './application/queries/get-clinician-availability/get-clinician-availability.handler';
import { GetClinicianScheduleHandler } from './application/queries/get-clinician-schedule/get-clinician-schedule.handler';
import { GetClinicianSchedulesHandler } from './application/queries/get-clinician-schedules/get-clinician-schedules.handler';
import { GetClinicianHandler } from './application/queries/get-clinician/get-clinician.handler';
import { ClinicianRepository } from './domain/clinician.repository';
import { ClinicianOrmEntity } from './infrastructure/clinician.orm-entity';
import { CqrsCentreDirectory } from './infrastructure/cqrs-centre-directory';
import { CqrsStaffAccounts } from './infrastructure/cqrs-staff-accounts';
import { TypeormClinicianRepository } from './infrastructure/typeorm-clinician.repository';

const commandHandlers = [
  CreateClinicianHandler,
  UpdateClinicianHandler,
  DeleteClinicianHandler,
  ToggleClinicianActiveHandler,
  ReplaceWeeklyAvailabilityHandler,
  AddTimeOffHandler,
  RemoveTimeOffHandler,
];
const queryHandlers = [
  GetClinicianHandler,
  GetClinicianAvailabilityHandler,
  GetClinicianScheduleHandler,
  GetClinicianSchedulesHandler,
];
/** Reactions to committed events; they run where a DomainEventDispatcher is (the worker). */
const eventHandlers = [FollowClinicianStaffUser];
const repositories = [{ provide: ClinicianRepository, useClass: TypeormClinicianRepository }];
/** Other contexts, reached only through their commands and queries. */
const ports = [
  { provide: StaffAccounts, useClass: CqrsStaffAccounts },
  { provide: CentreDirectory, useClass: CqrsCentreDirectory },
];

/**
 * Clinicians: profiles of CLINICIAN staff users, the centres they practise at, weekly
 * availability and time off; the schedule queries booking cuts into slots.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ClinicianOrmEntity])],
  providers: [...commandHandlers, ...queryHandlers, ...eventHandlers, ...repositories, ...ports],
})
export class CliniciansModule {}
