import { Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Patient } from '../../../domain/patient';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientDto } from '../../dto/patient.dto';
import { patientStateToDto } from '../../patient-view';
import { RegisterPatientByPhone } from './register-patient-by-phone.command';

@CommandHandler(RegisterPatientByPhone)
export class RegisterPatientByPhoneHandler implements ICommandHandler<RegisterPatientByPhone> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({
    phone,
    fullName,
  }: RegisterPatientByPhone): Promise<{ patient: PatientDto; created: boolean }> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const existing = await this.patients.findByPhone(phone, { forUpdate: true });
      if (existing) return this.touch(existing, fullName, now);
      const patient = Patient.registerSelf(phone, fullName ?? null, now);
      if (await this.patients.addIfPhoneFree(patient))
        return { patient: patientStateToDto(patient.snapshot()), created: true };
      // Lost a race with a concurrent first sign-in (or a staff registration): use that patient.
      const winner = await this.patients.findByPhone(phone, { forUpdate: true });
      if (!winner) throw new Error(`patient with phone disappeared during registration`);
      return this.touch(winner, fullName, now);
    });
  }

  /** Saves only a real change, on the locked row: a sign-in never overwrites a concurrent edit. */
  private async touch(patient: Patient, fullName: string | undefined, now: Date) {
    if (patient.nameIfUnknown(fullName, now)) await this.patients.save(patient);
    return { patient: patientStateToDto(patient.snapshot()), created: false };
  }
}
