import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What real channels need beyond the log channel: the HTML part and calendar invite of an
 * e-mail, the provider's delivery reports (Twilio status callbacks, found by provider message
 * id), and each recipient's preferred channel.
 */
export class MessageDelivery1764000000950 implements MigrationInterface {
  name = 'MessageDelivery1764000000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE message_log
        ADD COLUMN html                 text,
        ADD COLUMN calendar_event       jsonb,
        ADD COLUMN delivery_status      text,
        ADD COLUMN delivery_error_code  text,
        ADD COLUMN delivery_updated_at  timestamptz,
        ADD CONSTRAINT "CHK_message_log_html" CHECK (length(html) BETWEEN 1 AND 100000),
        ADD CONSTRAINT "CHK_message_log_calendar_event" CHECK (jsonb_typeof(calendar_event) = 'object'),
        ADD CONSTRAINT "CHK_message_log_delivery_status" CHECK (
          delivery_status IN ('DELIVERED', 'READ', 'UNDELIVERED', 'FAILED')
        ),
        -- Only a message a provider accepted (SENT) can be reported on later.
        ADD CONSTRAINT "CHK_message_log_delivery_after_sent" CHECK (delivery_status IS NULL OR status = 'SENT'),
        ADD CONSTRAINT "CHK_message_log_delivery_updated_at" CHECK (
          (delivery_status IS NULL) = (delivery_updated_at IS NULL)
        ),
        ADD CONSTRAINT "CHK_message_log_delivery_error_code" CHECK (length(delivery_error_code) BETWEEN 1 AND 20)`);
    // Status callbacks name the message by the provider's id (a Twilio SID).
    await q.query(
      `CREATE INDEX "IDX_message_log_provider_message_id" ON message_log (provider_message_id)
        WHERE provider_message_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE notification_preferences (
        recipient   text NOT NULL,
        channel     text NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_notification_preferences" PRIMARY KEY (recipient),
        CONSTRAINT "CHK_notification_preferences_channel" CHECK (
          (channel IN ('SMS', 'WHATSAPP') AND recipient ~ '^\\+[1-9][0-9]{6,14}$')
          OR (channel = 'EMAIL' AND length(recipient) <= 254 AND position('@' in recipient) > 1)
        )
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP INDEX "IDX_message_log_provider_message_id"`);
    await q.query(`
      ALTER TABLE message_log
        DROP COLUMN html,
        DROP COLUMN calendar_event,
        DROP COLUMN delivery_status,
        DROP COLUMN delivery_error_code,
        DROP COLUMN delivery_updated_at`);
  }
}
