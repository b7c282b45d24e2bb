import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Patient } from '../domain/patient';
import { PatientRepository } from '../domain/patient.repository';
import { PatientOrmEntity } from './patient.orm-entity';

/** Rows and events in one transaction; the unique phone index settles concurrent registrations. */
@Injectable()
export class TypeormPatientRepository extends PatientRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<Patient | undefined> {
    const row = await this.uow.manager().findOneBy(PatientOrmEntity, { id, deletedAt: IsNull() });
    return row ? Patient.restore({ ...row }) : undefined;
  }

  async findByPhone(phone: string): Promise<Patient | undefined> {
    const row = await this.uow.manager().findOneBy(PatientOrmEntity, { phone, deletedAt: IsNull() });
    return row ? Patient.restore({ ...row }) : undefined;
  }

  async addIfPhoneFree(patient: Patient): Promise<boolean> {
    return this.uow.run(async (manager) => {
      // ON CONFLICT keeps the surrounding transaction usable, unlike a caught unique violation.
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(PatientOrmEntity)
        .values(toRow(patient))
        .orIgnore()
        .returning(['id'])
        .execute();
      if (!result.raw.length) return false;
      await this.outbox.append(manager, patient.pullEvents());
      return true;
    });
  }

  async save(patient: Patient): Promise<void> {
    await this.uow.run(async (manager) => {
      await manager.save(PatientOrmEntity, toRow(patient));
      await this.outbox.append(manager, patient.pullEvents());
    });
  }
}

function toRow(patient: Patient): PatientOrmEntity {
  return Object.assign(new PatientOrmEntity(), patient.snapshot());
}
