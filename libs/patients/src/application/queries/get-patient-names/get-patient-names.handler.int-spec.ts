import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource, uniquePhone } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Patient } from '../../../domain/patient';
import { PatientOrmEntity } from '../../../infrastructure/patient.orm-entity';
import { TypeormPatientRepository } from '../../../infrastructure/typeorm-patient.repository';
import { GetPatientNamesHandler } from './get-patient-names.handler';
import { GetPatientNames } from './get-patient-names.query';

describe('GetPatientNames (PostgreSQL)', () => {
  let db: DataSource;
  let handler: GetPatientNamesHandler;
  let repo: TypeormPatientRepository;

  beforeAll(async () => {
    db = await openTestDataSource([PatientOrmEntity]);
    const uow = new UnitOfWork(db);
    repo = new TypeormPatientRepository(uow, new OutboxWriter());
    handler = new GetPatientNamesHandler(uow);
  });
  afterAll(() => db.destroy());

  const register = async (fullName: string) => {
    const patient = Patient.registerByStaff(
      {
        fullName,
        phone: uniquePhone(),
        email: null,
        dateOfBirth: null,
        gender: null,
        bloodGroup: null,
        emergencyContacts: [],
      },
      new Date(),
    );
    await repo.addIfPhoneFree(patient);
    return patient.id;
  };

  it('answers living patients by id in one statement, leaving out unknown, malformed and deleted ids', async () => {
    const asha = await register('Asha Rao');
    const ravi = await register('Ravi Menon');
    const gone = await register('Gone Patient');
    await db.query(`UPDATE patients SET deleted_at = now() WHERE id = $1`, [gone]);
    const names = await handler.execute(
      new GetPatientNames([asha, ravi, asha, gone, randomUUID(), 'not-a-uuid']),
    );
    expect(names.sort((a, b) => a.fullName!.localeCompare(b.fullName!))).toEqual([
      { id: asha, fullName: 'Asha Rao' },
      { id: ravi, fullName: 'Ravi Menon' },
    ]);
    expect(await handler.execute(new GetPatientNames([]))).toEqual([]);
  });
});
