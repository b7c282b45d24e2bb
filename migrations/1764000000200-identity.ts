import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff users (one role each) and the centres they belong to. */
export class Identity1764000000200 implements MigrationInterface {
  name = 'Identity1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_users (
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        full_name      text NOT NULL,
        phone          text,
        email          citext,
        username       citext,
        password_hash  text,
        role           text NOT NULL,
        is_active      boolean NOT NULL DEFAULT true,
        deleted_at     timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_staff_users" PRIMARY KEY (id),
        CONSTRAINT "CHK_staff_users_full_name" CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
        CONSTRAINT "CHK_staff_users_phone_e164" CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        CONSTRAINT "CHK_staff_users_email" CHECK (length(email) <= 254 AND position('@' in email) > 1),
        CONSTRAINT "CHK_staff_users_username" CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$'),
        CONSTRAINT "CHK_staff_users_role" CHECK (role IN (
          'ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK', 'CLINICIAN', 'CAREGIVER'
        )),
        -- Someone nobody can sign in as is a data error: OTP needs the phone, passwords the username.
        CONSTRAINT "CHK_staff_users_has_login" CHECK (phone IS NOT NULL OR username IS NOT NULL),
        CONSTRAINT "CHK_staff_users_deleted_inactive" CHECK (deleted_at IS NULL OR NOT is_active)
      )`);
    // Partial: a deleted user's phone and username may be given to someone new.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_staff_users_phone" ON staff_users (phone) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_staff_users_username" ON staff_users (username) WHERE deleted_at IS NULL`,
    );
    // Start-up asks "is there an ADMIN?"; listing by role is the users screen's main filter.
    await q.query(
      `CREATE INDEX "IDX_staff_users_role" ON staff_users (role) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE staff_user_centres (
        user_id    uuid NOT NULL,
        centre_id  uuid NOT NULL,
        CONSTRAINT "PK_staff_user_centres" PRIMARY KEY (user_id, centre_id),
        CONSTRAINT "FK_staff_user_centres_user" FOREIGN KEY (user_id)
          REFERENCES staff_users (id) ON DELETE CASCADE,
        CONSTRAINT "FK_staff_user_centres_centre" FOREIGN KEY (centre_id)
          REFERENCES centres (id)
      )`);
    // The primary key serves "centres of a user"; this serves "staff of a centre" (rooms, alerts).
    await q.query(`CREATE INDEX "IDX_staff_user_centres_centre" ON staff_user_centres (centre_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_user_centres`);
    await q.query(`DROP TABLE staff_users`);
  }
}
