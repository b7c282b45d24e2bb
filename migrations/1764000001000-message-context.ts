import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a message is about: the centre, patient and appointment it concerns (all optional: an
 * OTP to a new phone concerns nobody yet). History and stats filter on them and staff see only
 * their centres' messages. Plain ids, no foreign keys: they point into other contexts' tables,
 * and the log must outlive what it talks about.
 */
export class MessageContext1764000001000 implements MigrationInterface {
  name = 'MessageContext1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_log
      ADD COLUMN centre_id uuid,
      ADD COLUMN patient_id uuid,
      ADD COLUMN appointment_id uuid`);
    await q.query(
      `CREATE INDEX "IDX_message_log_centre_created_at" ON message_log (centre_id, created_at DESC) WHERE centre_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_message_log_patient_created_at" ON message_log (patient_id, created_at DESC) WHERE patient_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_message_log_appointment" ON message_log (appointment_id) WHERE appointment_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_log DROP COLUMN appointment_id, DROP COLUMN patient_id, DROP COLUMN centre_id`);
  }
}
