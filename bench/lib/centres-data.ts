/**
 * bench:centres' own data: N centres at seeded random points across India, named
 * "Bench centre <n>" so that other benches' rows (fixtures, the large dataset) are left alone.
 */
import { dbName, inTransaction, withClient } from './db';
import { prng } from './load';

export const BOX = { lat: [8, 32], lng: [68, 92] } as const; // India, roughly
export const NAME_PREFIX = 'Bench centre ';

/** N centres of this bench at seeded random points; kept while the count matches. Answers how many others. */
export async function seedCentres(
  url: string,
  n: number,
  log: (line: string) => void,
): Promise<number> {
  return withClient(url, async (c) => {
    const count = async () =>
      (
        await c.query<{ mine: number; all: number }>(
          `SELECT count(*) FILTER (WHERE name LIKE $1)::int AS mine, count(*)::int AS all FROM centres`,
          [`${NAME_PREFIX}%`],
        )
      ).rows[0];
    const before = await count();
    if (before.mine === n) {
      log(`data: ${dbName(url)} already holds ${n.toLocaleString('en')} centres of this bench`);
      return before.all - n;
    }
    const t0 = Date.now();
    await inTransaction(c, async () => {
      // Only this bench's rows (nothing references them), never other benches' data.
      if (before.mine > 0)
        await c.query('DELETE FROM centres WHERE name LIKE $1', [`${NAME_PREFIX}%`]);
      await c.query('SELECT setseed(0.42)'); // same points every time for a given N
      await c.query(
        `INSERT INTO centres (name, city, address, phone, email, location)
         SELECT '${NAME_PREFIX}' || g,
                (ARRAY['Bengaluru','Mumbai','New Delhi','Chennai','Hyderabad','Kolkata','Pune','Ahmedabad','Jaipur','Kochi'])[1 + g % 10],
                'Bench address ' || g, '+91' || (9000000000 + g)::text, 'bench' || g || '@carebook.example',
                ST_SetSRID(ST_MakePoint(${BOX.lng[0]} + random() * ${BOX.lng[1] - BOX.lng[0]},
                                        ${BOX.lat[0]} + random() * ${BOX.lat[1] - BOX.lat[0]}), 4326)::geography
           FROM generate_series(1, $1::int) AS g`,
        [n],
      );
    });
    await c.query('VACUUM ANALYZE centres');
    log(
      `data: inserted ${n.toLocaleString('en')} centres into ${dbName(url)} in ${Date.now() - t0} ms`,
    );
    return before.all - before.mine;
  });
}

/** `n` [lat, lng] points uniformly in the box, rounded to 5 decimals (~1 m), seeded. */
export function randomPoints(n: number, seed: number): Array<[number, number]> {
  const rand = prng(seed);
  const at = (range: readonly [number, number]) =>
    Math.round((range[0] + rand() * (range[1] - range[0])) * 1e5) / 1e5;
  return Array.from({ length: n }, () => [at(BOX.lat), at(BOX.lng)]);
}
