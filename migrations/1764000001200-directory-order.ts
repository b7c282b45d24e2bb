import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory read model kept in location order, and a narrow search side of it.
 *
 * - `directory_specializations`: one row per listed clinician and specialization key with the
 *   clinician's location, GiST-indexed on (key, location) (btree_gist). A search with a
 *   specialization and a circle reads only the matching clinicians from it (~70 rows, a few pages)
 *   instead of every clinician in the circle from the wide table (~4,700 rows of ~1 kB in a big
 *   city); the wide rows are then read for the page only. A trigger on `directory_clinicians`
 *   keeps it, so every writer (projection, seeds, tests) gets it for free.
 * - Physical order: both tables are CLUSTERed by place (a geohash btree for the wide table, the
 *   (key, location) GiST index for the side table), so a circle's rows share pages. fillfactor 90
 *   leaves room on each page, so a re-projection (new slot runs, every booking) stays on its page.
 *   New clinicians, moves and (un)listings land elsewhere; the trigger counts them in the sequence
 *   `directory_order_changes`, and the worker re-clusters once they are a tenth of the table
 *   (ReorderDirectory, DIRECTORY_REORDER_SQL).
 */
export class DirectoryOrder1764000001200 implements MigrationInterface {
  name = 'DirectoryOrder1764000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE directory_clinicians SET (fillfactor = 90)`);
    await q.query(`CREATE INDEX "IDX_directory_geohash" ON directory_clinicians (ST_GeoHash(location::geometry, 10))`);
    await q.query(`ALTER TABLE directory_clinicians CLUSTER ON "IDX_directory_geohash"`);
    await q.query(`
      CREATE TABLE directory_specializations (
        specialization_key  text NOT NULL,
        clinician_id        uuid NOT NULL,
        location            geography(Point, 4326) NOT NULL,
        CONSTRAINT "PK_directory_specializations" PRIMARY KEY (clinician_id, specialization_key)
      ) WITH (fillfactor = 90)`);
    await q.query(`CREATE SEQUENCE directory_order_changes`);
    // Rebuilds a clinician's side rows; counts each change of place for the next reorder.
    await q.query(`
      CREATE FUNCTION carebook_directory_specializations() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM directory_specializations WHERE clinician_id = OLD.clinician_id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.is_listed THEN
          INSERT INTO directory_specializations (specialization_key, clinician_id, location)
          SELECT DISTINCT k, NEW.clinician_id, NEW.location FROM unnest(NEW.specialization_keys) AS k;
        END IF;
        PERFORM nextval('directory_order_changes');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_directory_specializations_write" AFTER INSERT OR DELETE ON directory_clinicians
      FOR EACH ROW EXECUTE FUNCTION carebook_directory_specializations()`);
    await q.query(`
      CREATE TRIGGER "TRG_directory_specializations_update"
      AFTER UPDATE OF clinician_id, specialization_keys, location, is_listed ON directory_clinicians
      FOR EACH ROW WHEN (OLD.clinician_id IS DISTINCT FROM NEW.clinician_id
                         OR OLD.specialization_keys IS DISTINCT FROM NEW.specialization_keys
                         OR OLD.is_listed IS DISTINCT FROM NEW.is_listed
                         OR ST_AsBinary(OLD.location) IS DISTINCT FROM ST_AsBinary(NEW.location))
      EXECUTE FUNCTION carebook_directory_specializations()`);
    await q.query(`
      INSERT INTO directory_specializations (specialization_key, clinician_id, location)
      SELECT DISTINCT k, d.clinician_id, d.location FROM directory_clinicians d, unnest(d.specialization_keys) AS k
       WHERE d.is_listed`);
    await q.query(
      `CREATE INDEX "IDX_directory_specializations_location" ON directory_specializations USING gist (specialization_key, location)`,
    );
    await q.query(`ALTER TABLE directory_specializations CLUSTER ON "IDX_directory_specializations_location"`);
    await q.query(`CLUSTER directory_clinicians`);
    await q.query(`CLUSTER directory_specializations`);
    await q.query(`ANALYZE directory_clinicians, directory_specializations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_directory_specializations_update" ON directory_clinicians`);
    await q.query(`DROP TRIGGER "TRG_directory_specializations_write" ON directory_clinicians`);
    await q.query(`DROP FUNCTION carebook_directory_specializations()`);
    await q.query(`DROP SEQUENCE directory_order_changes`);
    await q.query(`DROP TABLE directory_specializations`);
    await q.query(`DROP INDEX "IDX_directory_geohash"`);
    await q.query(`ALTER TABLE directory_clinicians RESET (fillfactor)`);
  }
}
