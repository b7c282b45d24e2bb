import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log (`AuditLog` in @carebook/core): security events and every read and
 * write of a patient's record.
 *
 * Two layers keep it append-only:
 * - Privileges. Production runs the API and the worker as a LOGIN role that is a member of
 *   `carebook_app` (e.g. `CREATE ROLE carebook_api LOGIN PASSWORD '...' IN ROLE carebook_app`)
 *   and does not own the tables; `carebook_app` may only SELECT and INSERT here, so an UPDATE,
 *   DELETE or TRUNCATE is refused with "permission denied". Managed databases may not allow
 *   CREATE ROLE: then the migration says so in a NOTICE and an operator creates the role.
 * - A trigger that raises on UPDATE and DELETE (each row) and TRUNCATE (the statement). It is
 *   what stops the table's owner and superusers too (tests run as `postgres`), short of
 *   deliberately disabling the trigger or `session_replication_role = replica`.
 */
export class Audit1764000000400 implements MigrationInterface {
  name = 'Audit1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id           bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        actor_type   text NOT NULL,
        actor_id     uuid,
        actor_role   text,
        action       text NOT NULL,
        target_type  text,
        target_id    text,
        patient_id   uuid,
        ip           inet,
        request_id   text,
        metadata     jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_audit_events" PRIMARY KEY (id),
        CONSTRAINT "CHK_audit_events_actor_type" CHECK (actor_type IN ('staff', 'patient', 'anonymous', 'system')),
        -- Staff and patients are someone; anonymous callers and the system are not.
        CONSTRAINT "CHK_audit_events_actor_id" CHECK ((actor_id IS NOT NULL) = (actor_type IN ('staff', 'patient'))),
        -- Only staff have a role (the one they held when they acted).
        CONSTRAINT "CHK_audit_events_actor_role" CHECK ((actor_role IS NOT NULL) = (actor_type = 'staff')),
        CONSTRAINT "CHK_audit_events_action" CHECK (
          length(action) <= 100 AND action ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'
        ),
        CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type ~ '^[a-z][a-z0-9_]{0,49}$'),
        CONSTRAINT "CHK_audit_events_target_id" CHECK (
          target_id IS NULL OR (length(target_id) BETWEEN 1 AND 200 AND target_type IS NOT NULL)
        ),
        CONSTRAINT "CHK_audit_events_request_id" CHECK (length(request_id) BETWEEN 1 AND 100),
        CONSTRAINT "CHK_audit_events_metadata" CHECK (
          jsonb_typeof(metadata) = 'object' AND octet_length(metadata::text) <= 8192
        )
      )`);
    // Who did what (anonymous rows have no actor to look up), whose record was touched, and
    // what happened when (e.g. failed sign-ins over the last hour).
    await q.query(
      `CREATE INDEX "IDX_audit_events_actor_occurred" ON audit_events (actor_id, occurred_at) WHERE actor_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_audit_events_patient_occurred" ON audit_events (patient_id, occurred_at) WHERE patient_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_audit_events_action_occurred" ON audit_events (action, occurred_at)`,
    );

    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'raise_exception',
                HINT = 'Audit events are never changed or removed; record a new event instead.';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER "TRG_audit_events_no_update_delete"
        BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER "TRG_audit_events_no_truncate"
        BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
    // Roles are cluster-wide: another database's migration may create it at the same moment.
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'carebook_app') THEN
          CREATE ROLE carebook_app NOLOGIN;
        END IF;
      EXCEPTION
        WHEN insufficient_privilege THEN
          RAISE NOTICE 'Role carebook_app not created (%); create it NOLOGIN and grant it SELECT, INSERT on audit_events.', SQLERRM;
        WHEN duplicate_object OR unique_violation THEN
          NULL;
      END
      $$`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'carebook_app') THEN
          GRANT SELECT, INSERT ON audit_events TO carebook_app;
          EXECUTE format('GRANT USAGE ON SEQUENCE %s TO carebook_app', pg_get_serial_sequence('audit_events', 'id'));
        END IF;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The role stays: it is cluster-wide and other databases (or the other tables' grants) use it.
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
