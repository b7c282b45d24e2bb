import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyRecords } from './idempotency-records';

describe('IdempotencyRecords (PostgreSQL)', () => {
  let db: DataSource;
  let records: IdempotencyRecords;
  beforeAll(async () => {
    db = await new DataSource(
      dataSourceOptions(
        { url: process.env.DATABASE_URL!, poolSize: 2 },
        'carebook-test-idempotency',
      ),
    ).initialize();
    records = new IdempotencyRecords(new UnitOfWork(db));
  });
  afterAll(() => db.destroy());

  const keysOf = async (principal: string) =>
    (
      (await db.query(`SELECT key FROM idempotency_records WHERE principal_id = $1 ORDER BY key`, [
        principal,
      ])) as Array<{ key: string }>
    ).map((r) => r.key);

  it('claims a key once, keeps and finds its answer, and gives an answer that no longer counts a fresh start', async () => {
    const principal = randomUUID();
    expect(await records.claim(principal, 'k1', 'f1')).toBe(true);
    expect(await records.claim(principal, 'k1', 'f1')).toBe(false);
    await records.keep(principal, 'k1', { id: 'x', n: 1 });
    expect(await records.find(principal, 'k1')).toEqual({
      fingerprint: 'f1',
      response: { id: 'x', n: 1 },
    });
    await db.query(
      `UPDATE idempotency_records SET created_at = now() - interval '25 hours' WHERE principal_id = $1`,
      [principal],
    );
    expect(await records.claim(principal, 'k1', 'f2')).toBe(true);
    expect((await records.find(principal, 'k1'))?.fingerprint).toBe('f2');
  });

  it('prunes answers older than a day, in batches, and keeps the others', async () => {
    const principal = randomUUID();
    await db.query(
      `INSERT INTO idempotency_records (principal_id, key, fingerprint, created_at)
       SELECT $1::uuid, 'old-' || i, 'f', now() - interval '25 hours' FROM generate_series(1, 7) i
       UNION ALL SELECT $1::uuid, 'new-1', 'f', now() - interval '23 hours'`,
      [principal],
    );
    expect(await records.prune(3)).toBeGreaterThanOrEqual(7);
    expect(await keysOf(principal)).toEqual(['new-1']);
  });
});
