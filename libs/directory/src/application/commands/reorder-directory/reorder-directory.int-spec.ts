import { openTestDataSource } from '@carebook/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReorderDirectory } from './reorder-directory.command';
import { ReorderDirectoryHandler } from './reorder-directory.handler';

describe('ReorderDirectory (CLUSTER by place once enough rows moved)', () => {
  let db: DataSource;
  let handler: ReorderDirectoryHandler;
  const ids: string[] = [];
  // West to east along one parallel: geohash order is insertion order reversed.
  const lngs = [-40.9, -41.9, -42.9, -43.9, -44.9];

  beforeAll(async () => {
    db = await openTestDataSource();
    handler = new ReorderDirectoryHandler(db);
    for (const lng of lngs) {
      const id = randomUUID();
      ids.push(id);
      await db.query(
        `INSERT INTO directory_clinicians (clinician_id, full_name, years_of_experience, fee_amount, fee_currency, slot_minutes,
           min_notice_minutes, primary_centre_id, primary_centre_name, centre_ids, city, location, is_listed, projected_at)
         VALUES ($1, 'Reorder test', 1, 1, 'INR', 30, 60, $2, 'Test centre', ARRAY[$2::uuid], 'Ordertown',
                 ST_SetSRID(ST_MakePoint($3, -60.5), 4326)::geography, true, now())`,
        [id, randomUUID(), lng],
      );
    }
  });
  afterAll(async () => {
    await db.query(`DELETE FROM directory_clinicians WHERE clinician_id = ANY($1::uuid[])`, [ids]);
    await db.destroy();
  });

  const physicalOrder = async (): Promise<string[]> =>
    (
      await db.query(`SELECT clinician_id FROM directory_clinicians WHERE clinician_id = ANY($1::uuid[]) ORDER BY ctid`, [ids])
    ).map((r: { clinician_id: string }) => r.clinician_id);

  it('does nothing while fewer rows than the threshold moved', async () => {
    const before = await physicalOrder();
    expect(await handler.execute(new ReorderDirectory(Number.MAX_SAFE_INTEGER))).toBe(false);
    expect(await physicalOrder()).toEqual(before);
  });

  it('rewrites the wide and side tables in location order and counts moves from zero again', async () => {
    const changes = async () =>
      Number((await db.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM directory_order_changes`))[0].n);
    expect(await changes()).toBeGreaterThanOrEqual(lngs.length); // our inserts counted
    expect(await handler.execute(new ReorderDirectory(0, 0))).toBe(true);
    expect(await physicalOrder()).toEqual([...ids].reverse());
    const side = await db.query(`SELECT count(*)::int AS n FROM directory_specializations WHERE clinician_id = ANY($1::uuid[])`, [ids]);
    expect(side[0].n).toBe(0); // no specializations: nothing on the side table
  });
});
