import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments. `blocked` is the appointment's time widened by the clinician's buffers, the
 * range the slot engine calls busy; the exclusion constraint keeps any two live (non-cancelled)
 * appointments of one clinician from overlapping, whatever the application does. `[)` ranges:
 * back-to-back appointments do not clash. `clinician_user_id` copies the clinician's staff user
 * (fixed for a profile) so that a clinician's own list needs no lookup in another context.
 */
export class Appointments1764000000800 implements MigrationInterface {
  name = 'Appointments1764000000800';

  async up(q: QueryRunner): Promise<void> {
    // timestamptz +/- interval is only STABLE (a day or month interval depends on the zone), so
    // a generated column may not use it directly. Minutes are absolute time in every zone, so
    // this wrapper really is immutable.
    await q.query(`
      CREATE FUNCTION appointment_blocked_range(starts_at timestamptz, ends_at timestamptz,
                                                before_minutes integer, after_minutes integer)
      RETURNS tstzrange LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT tstzrange(starts_at - make_interval(mins => before_minutes),
                         ends_at + make_interval(mins => after_minutes), '[)')
      $$`);
    await q.query(`
      CREATE TABLE appointments (
        id                       uuid NOT NULL DEFAULT gen_random_uuid(),
        patient_id               uuid NOT NULL,
        clinician_id             uuid NOT NULL,
        clinician_user_id        uuid NOT NULL,
        centre_id                uuid NOT NULL,
        starts_at                timestamptz NOT NULL,
        ends_at                  timestamptz NOT NULL,
        buffer_before_minutes    integer NOT NULL DEFAULT 0,
        buffer_after_minutes     integer NOT NULL DEFAULT 0,
        blocked                  tstzrange GENERATED ALWAYS AS
                                   (appointment_blocked_range(starts_at, ends_at, buffer_before_minutes, buffer_after_minutes)) STORED,
        session_type             text NOT NULL,
        status                   text NOT NULL,
        payment_status           text NOT NULL DEFAULT 'UNPAID',
        fee_amount               integer NOT NULL,
        fee_currency             char(3) NOT NULL,
        meet_link                text,
        source                   text NOT NULL,
        reason                   text,
        notes                    text,
        hold_expires_at          timestamptz,
        checked_in_at            timestamptz,
        cancelled_at             timestamptz,
        cancel_reason            text,
        cancelled_by             text,
        cancelled_by_id          uuid,
        idempotency_key          text,
        idempotency_fingerprint  text,
        created_by               uuid NOT NULL,
        created_by_kind          text NOT NULL,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        version                  integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_appointments" PRIMARY KEY (id),
        CONSTRAINT "FK_appointments_patient" FOREIGN KEY (patient_id) REFERENCES patients (id),
        CONSTRAINT "FK_appointments_clinician" FOREIGN KEY (clinician_id) REFERENCES clinicians (id),
        CONSTRAINT "FK_appointments_centre" FOREIGN KEY (centre_id) REFERENCES centres (id),
        CONSTRAINT "CHK_appointments_times" CHECK (ends_at > starts_at),
        CONSTRAINT "CHK_appointments_buffers" CHECK (buffer_before_minutes BETWEEN 0 AND 240 AND buffer_after_minutes BETWEEN 0 AND 240),
        CONSTRAINT "CHK_appointments_status" CHECK (status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
        CONSTRAINT "CHK_appointments_payment_status" CHECK (payment_status IN ('UNPAID', 'PENDING', 'PAID', 'FAILED', 'REFUNDED')),
        CONSTRAINT "CHK_appointments_session_type" CHECK (session_type IN ('IN_PERSON', 'ONLINE')),
        CONSTRAINT "CHK_appointments_source" CHECK (source IN ('ONLINE', 'FRONT_DESK', 'PHONE', 'WALK_IN')),
        CONSTRAINT "CHK_appointments_fee" CHECK (fee_amount >= 0 AND fee_currency ~ '^[A-Z]{3}$'),
        CONSTRAINT "CHK_appointments_hold" CHECK (status <> 'PENDING' OR hold_expires_at IS NOT NULL),
        CONSTRAINT "CHK_appointments_cancelled" CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CONSTRAINT "CHK_appointments_cancelled_by" CHECK (cancelled_by IS NULL OR cancelled_by IN ('PATIENT', 'STAFF', 'SYSTEM')),
        CONSTRAINT "CHK_appointments_checked_in" CHECK (status NOT IN ('CHECKED_IN', 'IN_PROGRESS', 'COMPLETED') OR checked_in_at IS NOT NULL),
        CONSTRAINT "CHK_appointments_texts" CHECK (length(reason) <= 2000 AND length(notes) <= 4000 AND length(cancel_reason) <= 500 AND length(meet_link) <= 2000),
        CONSTRAINT "CHK_appointments_idempotency" CHECK ((idempotency_key IS NULL) = (idempotency_fingerprint IS NULL) AND length(idempotency_key) <= 255),
        CONSTRAINT "CHK_appointments_created_by_kind" CHECK (created_by_kind IN ('patient', 'staff')),
        CONSTRAINT "EXCL_appointments_no_overlap" EXCLUDE USING gist (clinician_id WITH =, blocked WITH &&) WHERE (status <> 'CANCELLED')
      )`);
    // A clinician's calendar and "my appointments" (clinician); the GiST index of the exclusion
    // constraint serves the overlap (busy range) lookups.
    await q.query(
      `CREATE INDEX "IDX_appointments_clinician_starts" ON appointments (clinician_id, starts_at)`,
    );
    // "My appointments" of the signed-in clinician (a CLINICIAN user has one profile, for good).
    await q.query(
      `CREATE INDEX "IDX_appointments_clinician_user_starts" ON appointments (clinician_user_id, starts_at)`,
    );
    // The front desk board: a centre's local day is a starts_at range.
    await q.query(
      `CREATE INDEX "IDX_appointments_centre_starts" ON appointments (centre_id, starts_at)`,
    );
    await q.query(
      `CREATE INDEX "IDX_appointments_patient_starts" ON appointments (patient_id, starts_at)`,
    );
    // The hold sweeper and the lazy expiry before every insert.
    await q.query(
      `CREATE INDEX "IDX_appointments_holds" ON appointments (hold_expires_at) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX "IDX_appointments_queue" ON appointments (centre_id, checked_in_at) WHERE status = 'CHECKED_IN'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_appointments_idempotency" ON appointments (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appointments`);
    await q.query(
      `DROP FUNCTION appointment_blocked_range(timestamptz, timestamptz, integer, integer)`,
    );
  }
}
