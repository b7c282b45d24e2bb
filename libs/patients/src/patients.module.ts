import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddPatientNoteHandler } from './application/commands/add-patient-note/add-patient-note.handler';
import { RegisterPatientByPhoneHandler } from './application/commands/register-patient-by-phone/register-patient-by-phone.handler';
import { RegisterPatientHandler } from './application/commands/register-patient/register-patient.handler';
import { UpdatePatientHandler } from './application/commands/update-patient/update-patient.handler';
import { GetPatientHandler } from './application/queries/get-patient/get-patient.handler';
import { GetPatientNamesHandler } from './application/queries/get-patient-names/get-patient-names.handler';
import { ListPatientStatusHistoryHandler } from './application/queries/list-patient-status-history/list-patient-status-history.handler';
import { SearchPatientsHandler } from './application/queries/search-patients/search-patients.handler';
import { ViewPatientDashboardHandler } from './application/queries/view-patient-dashboard/view-patient-dashboard.handler';
import { ViewPatientProfileHandler } from './application/queries/view-patient-profile/view-patient-profile.handler';
import { ViewPatientRecordHandler } from './application/queries/view-patient-record/view-patient-record.handler';
import { PatientNoteRepository } from './domain/patient-note.repository';
import { PatientRepository } from './domain/patient.repository';
import { PatientNoteOrmEntity } from './infrastructure/patient-note.orm-entity';
import { PatientOrmEntity } from './infrastructure/patient.orm-entity';
import { TypeormPatientNoteRepository } from './infrastructure/typeorm-patient-note.repository';
import { TypeormPatientRepository } from './infrastructure/typeorm-patient.repository';

const commandHandlers = [
  RegisterPatientByPhoneHandler,
  RegisterPatientHandler,
  UpdatePatientHandler,
  AddPatientNoteHandler,
];
const queryHandlers = [
  GetPatientHandler,
  GetPatientNamesHandler,
  ViewPatientRecordHandler,
  ViewPatientProfileHandler,
  ViewPatientDashboardHandler,
  SearchPatientsHandler,
  ListPatientStatusHistoryHandler,
];
const repositories = [
  { provide: PatientRepository, useClass: TypeormPatientRepository },
  { provide: PatientNoteRepository, useClass: TypeormPatientNoteRepository },
];

/** Patients: the people who receive care, their records, emergency contacts and staff notes. */
@Module({
  imports: [TypeOrmModule.forFeature([PatientOrmEntity, PatientNoteOrmEntity])],
  providers: [...commandHandlers, ...queryHandlers, ...repositories],
})
export class PatientsModule {}
