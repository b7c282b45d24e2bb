/** @carebook/patients: patient records. Use its commands and queries through the CQRS buses. */
export * from './patients.module';
export * from './application/dto/patient.dto';
export * from './application/commands/register-patient-by-phone/register-patient-by-phone.command';
export * from './application/queries/get-patient/get-patient.query';
export * from './domain/events/patient-events';
