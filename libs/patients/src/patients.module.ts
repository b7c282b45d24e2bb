import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterPatientByPhoneHandler } from './application/commands/register-patient-by-phone/register-patient-by-phone.handler';
import { GetPatientHandler } from './application/queries/get-patient/get-patient.handler';
import { PatientRepository } from './domain/patient.repository';
import { PatientOrmEntity } from './infrastructure/patient.orm-entity';
import { TypeormPatientRepository } from './infrastructure/typeorm-patient.repository';

const commandHandlers = [RegisterPatientByPhoneHandler];
const queryHandlers = [GetPatientHandler];
const repositories = [{ provide: PatientRepository, useClass: TypeormPatientRepository }];

/** Patients: the people who receive care, their records and emergency contacts. */
@Module({
  imports: [TypeOrmModule.forFeature([PatientOrmEntity])],
  providers: [...commandHandlers, ...queryHandlers, ...repositories],
})
export class PatientsModule {}
