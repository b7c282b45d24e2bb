import { AuditLog, Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Patient } from '../../../domain/patient';
import { PatientPhoneTakenError } from '../../../domain/patient.errors';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientDto } from '../../dto/patient.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { patientAudit } from '../../patient-audit';
import { patientStateToDto } from '../../patient-view';
import { RegisterPatient } from './register-patient.command';

@CommandHandler(RegisterPatient)
export class RegisterPatientHandler implements ICommandHandler<RegisterPatient> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, input }: RegisterPatient): Promise<PatientDto> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'create'));
    const patient = Patient.registerByStaff(
      {
        fullName: input.fullName,
        phone: input.phone,
        email: input.email ?? null,
        dateOfBirth: input.dateOfBirth ?? null,
        gender: input.gender ?? null,
        bloodGroup: input.bloodGroup ?? null,
        emergencyContacts: input.emergencyContacts ?? [],
      },
      this.clock.now(),
    );
    return this.uow.run(async () => {
      if (!(await this.patients.addIfPhoneFree(patient))) throw new PatientPhoneTakenError();
      await this.audit.record(
        patientAudit('patient.record.created', actor, patient.id, { source: 'STAFF' }),
      );
      return patientStateToDto(patient.snapshot());
    });
  }
}
