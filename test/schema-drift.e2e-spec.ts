import { dataSourceOptions } from '@carebook/core';
import { DataSource } from 'typeorm';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The schema comes from hand-written migrations. Checks, partial and GiST indexes and defaults
 * live only there (entities do not repeat them), but every column an entity maps must exist
 * with the same type and nullability, or TypeORM would misread or miswrite rows.
 */
const DB_ONLY = [
  /^DROP INDEX /,
  /^CREATE (UNIQUE )?INDEX /,
  /^ALTER TABLE "\w+" (DROP|ADD) CONSTRAINT "(CHK|UQ|IDX|FK|\w+_check)/,
  /^ALTER TABLE "\w+" ALTER COLUMN "\w+" (DROP|SET) DEFAULT/,
];
describe('ORM entities match the migrated columns', () => {
  it('has no pending schema change', async () => {
    const root = path.resolve(__dirname, '..');
    const files = readdirSync(path.join(root, 'libs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.orm-entity.ts'))
      .map((f) => path.join('libs', f));
    // Loaded by path on purpose: every entity of every context, without importing each by hand.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type, @typescript-eslint/no-require-imports
    const entities = files.flatMap((f) => Object.values(require(path.join(root, f)) as Record<string, Function>));
    expect(entities.length).toBeGreaterThan(0);
    const db = new DataSource({ ...dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 1 }), entities });
    await db.initialize();
    try {
      const pending = await db.driver.createSchemaBuilder().log();
      const columnDrift = pending.upQueries.map((q) => q.query).filter((q) => !DB_ONLY.some((re) => re.test(q)));
      expect(columnDrift).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
