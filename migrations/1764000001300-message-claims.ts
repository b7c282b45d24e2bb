import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery attempt is committed before the provider is called (`attempt_started_at`), so a
 * worker killed between the provider's answer and the SENT update leaves a trace: the next
 * attempt finds the open one and asks the provider before sending again.
 */
export class MessageClaims1764000001300 implements MigrationInterface {
  name = 'MessageClaims1764000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_log ADD COLUMN attempt_started_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_log DROP COLUMN attempt_started_at`);
  }
}
