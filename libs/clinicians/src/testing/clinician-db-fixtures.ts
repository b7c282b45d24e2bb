import { uniquePhone } from '@carebook/testing';
import type { DataSource } from 'typeorm';

/** Int-spec-only rows of other contexts' tables (centres, staff users), written with SQL. */

/** New centres far from any demo city, one per zone; answers their ids in the same order. */
export async function insertCentres(db: DataSource, zones: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const zone of zones) {
    const [row]: Array<{ id: string }> = await db.query(
      `INSERT INTO centres (name, city, address, phone, time_zone, location)
       VALUES ('Clinicians test', 'Testpur', '1 Test Road', '+918041000001', $1,
               ST_SetSRID(ST_MakePoint(-40.5, -33.5), 4326)::geography)
       RETURNING id`,
      [zone],
    );
    ids.push(row.id);
  }
  return ids;
}

/** A new CLINICIAN staff user (no centres, no password); answers its id. */
export async function insertClinicianUser(db: DataSource): Promise<string> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO staff_users (full_name, phone, role) VALUES ('Dr. Test', $1, 'CLINICIAN') RETURNING id`,
    [uniquePhone()],
  );
  return row.id;
}
