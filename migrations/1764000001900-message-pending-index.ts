import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stranded-message sweep (RequeueStrandedMessages, every minute) reads PENDING messages
 * oldest first by `(created_at, id)`: a partial index keeps that read to the few pending rows
 * instead of the whole message log.
 */
export class MessagePendingIndex1764000001900 implements MigrationInterface {
  name = 'MessagePendingIndex1764000001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_message_log_pending_created" ON message_log (created_at, id) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_message_log_pending_created"`);
  }
}
