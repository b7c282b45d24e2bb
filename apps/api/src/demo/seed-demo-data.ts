import type { DataSource } from 'typeorm';
import { DEMO_CENTRES } from './demo-centres';

/**
 * Inserts the demo centres where missing (fixed ids: running it again changes nothing); the
 * rest of the demo data set is `seedDemo` (seed-demo.ts), which starts with this.
 * Plain SQL on purpose: demo rows are reference data, not events the network should react to.
 */
export async function seedDemoData(db: DataSource): Promise<{ centresAdded: number }> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO centres (id, name, city, address, phone, email, time_zone, location)
     SELECT id, name, city, address, phone, email, "timeZone",
            ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, city text, address text, phone text,
            email text, "timeZone" text, lat float8, lng float8)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(DEMO_CENTRES)],
  );
  return { centresAdded: inserted.length };
}
