import { OutboxWriter, PG, pgErrorOf, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { Patient, type PatientState } from '../domain/patient';
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
    return this.findOne('id', id, options);
  }

  findByPhone(phone: string, options?: LoadOptions): Promise<Patient | undefined> {
    return this.findOne('phone', phone, options);
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

  /**
   * One living patient by id or phone, as plain SQL (a prepared statement, UnitOfWork.query):
   * every booking reads its patient, and the find-options query builder, entity hydration and
   * TypeORM's query wrapper cost more CPU than the statement (bench:booking).
   */
  private async findOne(
    column: 'id' | 'phone',
    value: string,
    options?: LoadOptions,
  ): Promise<Patient | undefined> {
    const sql = options?.forUpdate ? SELECT_LIVING[column] + ' FOR UPDATE' : SELECT_LIVING[column];
    const {
      rows: [row],
    } = await this.uow.query<PatientState>(sql, [value]);
    return row ? Patient.restore(row) : undefined;
  }
}

/** The columns as PatientState names; the date as text (YYYY-MM-DD), as TypeORM hydrated it. */
const SELECT_PATIENT = `SELECT id, full_name AS "fullName", phone, email::text AS email,
    date_of_birth::text AS "dateOfBirth", gender, blood_group AS "bloodGroup",
    emergency_contacts AS "emergencyContacts", deleted_at AS "deletedAt",
    created_at AS "createdAt", updated_at AS "updatedAt"
  FROM patients`;
const SELECT_LIVING = {
  id: `${SELECT_PATIENT} WHERE id = $1 AND deleted_at IS NULL`,
  phone: `${SELECT_PATIENT} WHERE phone = $1 AND deleted_at IS NULL`,
};

function toRow(patient: Patient): PatientOrmEntity {
  return Object.assign(new PatientOrmEntity(), patient.snapshot());
}
