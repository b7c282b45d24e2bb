import { MigrationInterface, QueryRunner } from 'typeorm';

/** Patients, identified by their E.164 phone (the sign-in identifier of patient auth). */
export class Patients1764000000250 implements MigrationInterface {
  name = 'Patients1764000000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE patients (
        id                  uuid NOT NULL DEFAULT gen_random_uuid(),
        full_name           text,
        phone               text NOT NULL,
        email               citext,
        date_of_birth       date,
        gender              text,
        blood_group         text,
        emergency_contacts  jsonb NOT NULL DEFAULT '[]',
        deleted_at          timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_patients" PRIMARY KEY (id),
        CONSTRAINT "CHK_patients_full_name" CHECK (full_name IS NULL OR length(btrim(full_name)) BETWEEN 1 AND 200),
        CONSTRAINT "CHK_patients_phone_e164" CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        CONSTRAINT "CHK_patients_emergency_contacts" CHECK (jsonb_typeof(emergency_contacts) = 'array')
      )`);
    // One living patient per phone: a deleted record's phone may register again.
    await q.query(`CREATE UNIQUE INDEX "UQ_patients_phone" ON patients (phone) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE patients`);
  }
}
