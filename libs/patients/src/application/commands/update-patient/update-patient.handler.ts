import { AuditLog, Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PatientPhoneTakenError } from '../../../domain/patient.errors';
import { PatientRepository } from '../../../domain/patient.repository';
import type { PatientDto } from '../../dto/patient.dto';
import { PatientAccessPolicy } from '../../patient-access-policy';
import { patientAudit } from '../../patient-audit';
import { patientStateToDto } from '../../patient-view';
import { UpdatePatient } from './update-patient.command';

@CommandHandler(UpdatePatient)
export class UpdatePatientHandler implements ICommandHandler<UpdatePatient> {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, patientId, changes }: UpdatePatient): Promise<PatientDto> {
    PatientAccessPolicy.enforce(PatientAccessPolicy.toAct(actor, 'update', patientId));
    const fields = Object.keys(changes).filter(
      (k) => changes[k as keyof typeof changes] !== undefined,
    );
    PatientAccessPolicy.enforce(PatientAccessPolicy.toChange(actor, fields));
    if (!isUuid(patientId)) throw new NotFoundError('Patient');
    return this.uow.run(async () => {
      // Locked until commit: two partial edits at once (staff and the patient) both survive.
      const patient = await this.patients.findById(patientId, { forUpdate: true });
      if (!patient) throw new NotFoundError('Patient');
      if (changes.phone !== undefined && changes.phone !== patient.phone) {
        const holder = await this.patients.findByPhone(changes.phone);
        if (holder && holder.id !== patient.id) throw new PatientPhoneTakenError();
      }
      const source = actor.kind === 'patient' ? 'SELF' : 'STAFF';
      const changed = patient.revise(changes, source, this.clock.now());
      if (changed.length) await this.patients.save(patient);
      await this.audit.record(
        patientAudit('patient.record.updated', actor, patient.id, { changed }),
      );
      return patientStateToDto(patient.snapshot());
    });
  }
}
