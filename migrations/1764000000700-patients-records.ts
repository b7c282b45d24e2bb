import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patient records for staff and self-service: field rules on `patients`, name search by
 * trigram (pg_trgm) and phone search by prefix, staff notes, and the status history that care
 * reports will write.
 */
export class PatientsRecords1764000000700 implements MigrationInterface {
  name = 'PatientsRecords1764000000700';

  async up(q: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: a database owner may create it without superuser.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      ALTER TABLE patients
        ADD CONSTRAINT "CHK_patients_gender"
          CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
        ADD CONSTRAINT "CHK_patients_blood_group"
          CHECK (blood_group IN ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')),
        ADD CONSTRAINT "CHK_patients_date_of_birth" CHECK (date_of_birth >= DATE '1900-01-01'),
        ADD CONSTRAINT "CHK_patients_emergency_contacts_count"
          CHECK (jsonb_array_length(emergency_contacts) <= 5)`);
    // Name search: ILIKE '%word%' per word, through trigrams (any position, any case).
    await q.query(`
      CREATE INDEX "IDX_patients_full_name_trgm" ON patients
        USING gin (full_name gin_trgm_ops) WHERE deleted_at IS NULL`);
    // Phone search: LIKE '+9198%' (the unique index's collation cannot serve LIKE prefixes).
    await q.query(`
      CREATE INDEX "IDX_patients_phone_prefix" ON patients (phone text_pattern_ops)
        WHERE deleted_at IS NULL`);
    // The default listing: newest records first.
    await q.query(`
      CREATE INDEX "IDX_patients_created" ON patients (created_at DESC, id) WHERE deleted_at IS NULL`);

    // Staff notes; never edited (a correction is a new note). author_id is a staff user of the
    // identity context: no foreign key across contexts.
    await q.query(`
      CREATE TABLE patient_notes (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        patient_id  uuid NOT NULL,
        author_id   uuid NOT NULL,
        text        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_patient_notes" PRIMARY KEY (id),
        CONSTRAINT "FK_patient_notes_patient" FOREIGN KEY (patient_id) REFERENCES patients (id),
        CONSTRAINT "CHK_patient_notes_text" CHECK (length(btrim(text)) BETWEEN 1 AND 5000)
      )`);
    await q.query(`
      CREATE INDEX "IDX_patient_notes_patient_created" ON patient_notes (patient_id, created_at DESC, id DESC)`);

    // A patient's condition over time, one row per care report that stated it (the care context
    // writes it through the patients context). recorded_by is the staff user (caregiver).
    await q.query(`
      CREATE TABLE patient_status_history (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        patient_id   uuid NOT NULL,
        status       text NOT NULL,
        recorded_by  uuid NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        note         text,
        CONSTRAINT "PK_patient_status_history" PRIMARY KEY (id),
        CONSTRAINT "FK_patient_status_history_patient" FOREIGN KEY (patient_id) REFERENCES patients (id),
        CONSTRAINT "CHK_patient_status_history_status" CHECK (
          status IN ('STABLE', 'IMPROVING', 'DETERIORATING', 'CRITICAL', 'RECOVERED', 'DECEASED')
        ),
        CONSTRAINT "CHK_patient_status_history_note" CHECK (note IS NULL OR length(note) <= 5000)
      )`);
    await q.query(`
      CREATE INDEX "IDX_patient_status_history_patient_recorded"
        ON patient_status_history (patient_id, recorded_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE patient_status_history`);
    await q.query(`DROP TABLE patient_notes`);
    await q.query(`DROP INDEX "IDX_patients_created"`);
    await q.query(`DROP INDEX "IDX_patients_phone_prefix"`);
    await q.query(`DROP INDEX "IDX_patients_full_name_trgm"`);
    await q.query(`
      ALTER TABLE patients
        DROP CONSTRAINT "CHK_patients_emergency_contacts_count",
        DROP CONSTRAINT "CHK_patients_date_of_birth",
        DROP CONSTRAINT "CHK_patients_blood_group",
        DROP CONSTRAINT "CHK_patients_gender"`);
    // pg_trgm stays: other objects may use it, and dropping an extension is an operator's call.
  }
}
