import { OutboxWriter, PG, pgErrorOf, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, IsNull } from 'typeorm';
import { Patient } from '../domain/patient';
import { PatientPhoneTakenError } from '../domain/patient.errors';
import { LoadOptions, PatientRepository } from '../domain/patient.repository';
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

  findById(id: string, options?: LoadOptions): Promise<Patient | undefined> {
    return this.findOne({ id, deletedAt: IsNull() }, options);
  }

  findByPhone(phone: string, options?: LoadOptions): Promise<Patient | undefined> {
    return this.findOne({ phone, deletedAt: IsNull() }, options);
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
    try {
      await this.uow.run(async (manager) => {
        await manager.save(PatientOrmEntity, toRow(patient));
        await this.outbox.append(manager, patient.pullEvents());
      });
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === PG.UNIQUE_VIOLATION && pg.constraint === 'UQ_patients_phone') {
        throw new PatientPhoneTakenError();
      }
      throw error;
    }
  }

  private async findOne(
    where: FindOptionsWhere<PatientOrmEntity>,
    options?: LoadOptions,
  ): Promise<Patient | undefined> {
    const row = await this.uow.manager().findOne(PatientOrmEntity, {
      where,
      ...(options?.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? Patient.restore({ ...row }) : undefined;
  }
}

function toRow(patient: Patient): PatientOrmEntity {
  return Object.assign(new PatientOrmEntity(), patient.snapshot());
}
