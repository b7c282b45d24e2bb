import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every message sent (or captured by the `log` channel), with its delivery state. */
export class Notifications1764000000300 implements MigrationInterface {
  name = 'Notifications1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE message_log (
        id                   uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient            text NOT NULL,
        channel              text NOT NULL,
        template             text NOT NULL,
        subject              text,
        body                 text NOT NULL,
        sensitive            boolean NOT NULL DEFAULT false,
        status               text NOT NULL DEFAULT 'PENDING',
        attempts             integer NOT NULL DEFAULT 0,
        provider_message_id  text,
        last_error           text,
        idempotency_key      text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        sent_at              timestamptz,
        CONSTRAINT "PK_message_log" PRIMARY KEY (id),
        CONSTRAINT "CHK_message_log_recipient" CHECK (
          recipient ~ '^\\+[1-9][0-9]{6,14}$' OR (length(recipient) <= 254 AND position('@' in recipient) > 1)
        ),
        CONSTRAINT "CHK_message_log_channel" CHECK (channel IN ('SMS', 'WHATSAPP', 'EMAIL', 'LOG')),
        CONSTRAINT "CHK_message_log_status" CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        CONSTRAINT "CHK_message_log_template" CHECK (template ~ '^[a-z][a-z0-9._-]{0,63}$'),
        CONSTRAINT "CHK_message_log_subject" CHECK (length(subject) <= 200),
        CONSTRAINT "CHK_message_log_body" CHECK (length(body) BETWEEN 1 AND 20000),
        CONSTRAINT "CHK_message_log_attempts" CHECK (attempts >= 0),
        CONSTRAINT "CHK_message_log_idempotency_key" CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        -- sent_at is the moment a channel accepted the message: set exactly when SENT.
        CONSTRAINT "CHK_message_log_sent_at" CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    // Partial: most messages (reminders, alerts) carry no key.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_message_log_idempotency_key" ON message_log (idempotency_key)
        WHERE idempotency_key IS NOT NULL`,
    );
    // Messages to one recipient, newest first (the dev capture listing, a patient's history).
    await q.query(
      `CREATE INDEX "IDX_message_log_recipient_created_at" ON message_log (recipient, created_at DESC)`,
    );
    // History and stats over a period.
    await q.query(`CREATE INDEX "IDX_message_log_created_at" ON message_log (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE message_log`);
  }
}
