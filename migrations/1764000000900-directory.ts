import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clinician directory: a read model (projection) kept by the worker from clinicians',
 * centres' and booking's events, so that `GET /clinicians` is one indexed query with distance,
 * filters, sorting and the next free slot all in SQL.
 */
export class Directory1764000000900 implements MigrationInterface {
  name = 'Directory1764000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE directory_clinicians (
        clinician_id          uuid NOT NULL,
        full_name             text NOT NULL,
        specializations       jsonb NOT NULL DEFAULT '[]',
        specialization_keys   text[] NOT NULL DEFAULT '{}',
        languages             jsonb NOT NULL DEFAULT '[]',
        language_keys         text[] NOT NULL DEFAULT '{}',
        qualifications        jsonb NOT NULL DEFAULT '[]',
        years_of_experience   integer NOT NULL,
        fee_amount            integer NOT NULL,
        fee_currency          char(3) NOT NULL,
        slot_minutes          integer NOT NULL,
        min_notice_minutes    integer NOT NULL,
        photo_url             text,
        bio                   text,
        primary_centre_id     uuid NOT NULL,
        primary_centre_name   text NOT NULL,
        centre_ids            uuid[] NOT NULL,
        city                  citext NOT NULL,
        location              geography(Point, 4326) NOT NULL,
        session_types         text[] NOT NULL DEFAULT '{}',
        is_listed             boolean NOT NULL,
        -- Free slot starts of the next ~15 days as runs [first start, last start], one step apart.
        slot_starts           tstzmultirange NOT NULL DEFAULT '{}',
        projected_at          timestamptz NOT NULL,
        CONSTRAINT "PK_directory_clinicians" PRIMARY KEY (clinician_id),
        CONSTRAINT "CHK_directory_clinicians_slot_minutes" CHECK (slot_minutes > 0)
      )`);
    await q.query(`CREATE INDEX "IDX_directory_location" ON directory_clinicians USING gist (location) WHERE is_listed`);
    await q.query(`CREATE INDEX "IDX_directory_specializations" ON directory_clinicians USING gin (specialization_keys) WHERE is_listed`);
    await q.query(`CREATE INDEX "IDX_directory_languages" ON directory_clinicians USING gin (language_keys) WHERE is_listed`);
    await q.query(`CREATE INDEX "IDX_directory_centres" ON directory_clinicians USING gin (centre_ids)`);
    await q.query(`CREATE INDEX "IDX_directory_city" ON directory_clinicians (city) WHERE is_listed`);
    await q.query(`CREATE INDEX "IDX_directory_fee" ON directory_clinicians (fee_amount) WHERE is_listed`);
    await q.query(`CREATE INDEX "IDX_directory_name_trgm" ON directory_clinicians USING gin (full_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX "IDX_directory_projected_at" ON directory_clinicians (projected_at)`);
    // The first free slot start at or after \`after\`: the first run that reaches it, stepped on to
    // the next start of that run. Exact, because runs keep their step (see the table comment).
    await q.query(`
      CREATE FUNCTION carebook_next_slot(starts tstzmultirange, step_minutes integer, after timestamptz)
      RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN lower(r) >= after THEN lower(r)
                    ELSE lower(r) + ceil(extract(epoch FROM after - lower(r)) / (step_minutes * 60))
                                    * make_interval(mins => step_minutes)
               END
          FROM unnest(starts) AS r
         WHERE upper(r) >= after
         ORDER BY lower(r)
         LIMIT 1
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION carebook_next_slot(tstzmultirange, integer, timestamptz)`);
    await q.query(`DROP TABLE directory_clinicians`);
  }
}
