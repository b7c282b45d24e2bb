import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clinicians: the profile of a CLINICIAN staff user, the centres they practise at, their weekly
 * availability (local wall-clock minutes in each centre's zone) and their time off (absolute).
 */
export class Clinicians1764000000600 implements MigrationInterface {
  name = 'Clinicians1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clinicians (
        id                             uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id                        uuid NOT NULL,
        specializations                jsonb NOT NULL DEFAULT '[]',
        qualifications                 jsonb NOT NULL DEFAULT '[]',
        languages                      jsonb NOT NULL DEFAULT '[]',
        years_of_experience            integer NOT NULL DEFAULT 0,
        fee_amount                     integer NOT NULL,
        fee_currency                   char(3) NOT NULL,
        consultation_duration_minutes  integer NOT NULL,
        bio                            text,
        photo_url                      text,
        primary_centre_id              uuid NOT NULL,
        buffer_before_minutes          integer NOT NULL DEFAULT 0,
        buffer_after_minutes           integer NOT NULL DEFAULT 0,
        min_notice_minutes             integer NOT NULL DEFAULT 120,
        horizon_days                   integer NOT NULL DEFAULT 60,
        daily_cap                      integer,
        is_active                      boolean NOT NULL DEFAULT true,
        deleted_at                     timestamptz,
        created_at                     timestamptz NOT NULL DEFAULT now(),
        updated_at                     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_clinicians" PRIMARY KEY (id),
        CONSTRAINT "UQ_clinicians_user" UNIQUE (user_id),
        CONSTRAINT "FK_clinicians_user" FOREIGN KEY (user_id) REFERENCES staff_users (id),
        CONSTRAINT "FK_clinicians_primary_centre" FOREIGN KEY (primary_centre_id) REFERENCES centres (id),
        CONSTRAINT "CHK_clinicians_specializations" CHECK (jsonb_typeof(specializations) = 'array'),
        CONSTRAINT "CHK_clinicians_qualifications" CHECK (jsonb_typeof(qualifications) = 'array'),
        CONSTRAINT "CHK_clinicians_languages" CHECK (jsonb_typeof(languages) = 'array'),
        CONSTRAINT "CHK_clinicians_years_of_experience" CHECK (years_of_experience >= 0),
        CONSTRAINT "CHK_clinicians_fee_amount" CHECK (fee_amount >= 0),
        CONSTRAINT "CHK_clinicians_fee_currency" CHECK (fee_currency ~ '^[A-Z]{3}$'),
        CONSTRAINT "CHK_clinicians_consultation_duration" CHECK (consultation_duration_minutes BETWEEN 5 AND 480),
        CONSTRAINT "CHK_clinicians_buffer_before" CHECK (buffer_before_minutes BETWEEN 0 AND 120),
        CONSTRAINT "CHK_clinicians_buffer_after" CHECK (buffer_after_minutes BETWEEN 0 AND 120),
        CONSTRAINT "CHK_clinicians_min_notice" CHECK (min_notice_minutes >= 0),
        CONSTRAINT "CHK_clinicians_horizon_days" CHECK (horizon_days BETWEEN 1 AND 365),
        CONSTRAINT "CHK_clinicians_daily_cap" CHECK (daily_cap IS NULL OR daily_cap >= 1),
        CONSTRAINT "CHK_clinicians_deleted_inactive" CHECK (deleted_at IS NULL OR NOT is_active)
      )`);
    // Directory search: containment (@>) on specializations and languages, filters and sorts
    // by centre, fee and experience.
    await q.query(
      `CREATE INDEX "IDX_clinicians_specializations" ON clinicians USING gin (specializations jsonb_path_ops)`,
    );
    await q.query(
      `CREATE INDEX "IDX_clinicians_languages" ON clinicians USING gin (languages jsonb_path_ops)`,
    );
    await q.query(`CREATE INDEX "IDX_clinicians_primary_centre" ON clinicians (primary_centre_id)`);
    await q.query(`CREATE INDEX "IDX_clinicians_fee_amount" ON clinicians (fee_amount)`);
    await q.query(
      `CREATE INDEX "IDX_clinicians_years_of_experience" ON clinicians (years_of_experience)`,
    );

    // Every centre a clinician practises at, the primary one included.
    await q.query(`
      CREATE TABLE clinician_centres (
        clinician_id  uuid NOT NULL,
        centre_id     uuid NOT NULL,
        CONSTRAINT "PK_clinician_centres" PRIMARY KEY (clinician_id, centre_id),
        CONSTRAINT "FK_clinician_centres_clinician" FOREIGN KEY (clinician_id)
          REFERENCES clinicians (id) ON DELETE CASCADE,
        CONSTRAINT "FK_clinician_centres_centre" FOREIGN KEY (centre_id) REFERENCES centres (id)
      )`);
    await q.query(`CREATE INDEX "IDX_clinician_centres_centre" ON clinician_centres (centre_id)`);
    // The primary centre is one of the clinician's centres; checked at commit, so a save may
    // write the clinician row and its memberships in either order.
    await q.query(`
      ALTER TABLE clinicians ADD CONSTRAINT "FK_clinicians_primary_membership"
        FOREIGN KEY (id, primary_centre_id) REFERENCES clinician_centres (clinician_id, centre_id)
        DEFERRABLE INITIALLY DEFERRED`);

    // Weekly rules in the centre's local time: [start_minute, end_minute) of day_of_week
    // (0 = Sunday); end_minute 1440 is "24:00". The exclusion constraint makes two overlapping
    // rules of one clinician on one day impossible, whatever the centre, even under races.
    await q.query(`
      CREATE TABLE availability_rules (
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        clinician_id  uuid NOT NULL,
        centre_id     uuid NOT NULL,
        day_of_week   integer NOT NULL,
        start_minute  integer NOT NULL,
        end_minute    integer NOT NULL,
        session_type  text NOT NULL,
        CONSTRAINT "PK_availability_rules" PRIMARY KEY (id),
        CONSTRAINT "FK_availability_rules_clinician" FOREIGN KEY (clinician_id)
          REFERENCES clinicians (id) ON DELETE CASCADE,
        CONSTRAINT "FK_availability_rules_centre" FOREIGN KEY (centre_id) REFERENCES centres (id),
        CONSTRAINT "FK_availability_rules_membership" FOREIGN KEY (clinician_id, centre_id)
          REFERENCES clinician_centres (clinician_id, centre_id),
        CONSTRAINT "CHK_availability_rules_day_of_week" CHECK (day_of_week BETWEEN 0 AND 6),
        CONSTRAINT "CHK_availability_rules_minutes" CHECK (
          start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute
        ),
        CONSTRAINT "CHK_availability_rules_session_type" CHECK (session_type IN ('IN_PERSON', 'ONLINE')),
        CONSTRAINT "EXCL_availability_rules_overlap" EXCLUDE USING gist (
          clinician_id WITH =,
          day_of_week WITH =,
          int4range(start_minute, end_minute) WITH &&
        )
      )`);

    // Absolute time off, [startsAt, endsAt).
    await q.query(`
      CREATE TABLE clinician_time_off (
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        clinician_id  uuid NOT NULL,
        during        tstzrange NOT NULL,
        reason        text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_clinician_time_off" PRIMARY KEY (id),
        CONSTRAINT "FK_clinician_time_off_clinician" FOREIGN KEY (clinician_id)
          REFERENCES clinicians (id) ON DELETE CASCADE,
        CONSTRAINT "CHK_clinician_time_off_during" CHECK (
          NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)
          AND lower_inc(during) AND NOT upper_inc(during)
        ),
        CONSTRAINT "CHK_clinician_time_off_reason" CHECK (length(btrim(reason)) BETWEEN 1 AND 500)
      )`);
    await q.query(
      `CREATE INDEX "IDX_clinician_time_off_during" ON clinician_time_off USING gist (clinician_id, during)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clinician_time_off`);
    await q.query(`DROP TABLE availability_rules`);
    await q.query(`ALTER TABLE clinicians DROP CONSTRAINT "FK_clinicians_primary_membership"`);
    await q.query(`DROP TABLE clinician_centres`);
    await q.query(`DROP TABLE clinicians`);
  }
}
