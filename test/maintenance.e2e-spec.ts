import { openTestDataSource, startTestWorker, runJobOnce } from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MAINTENANCE_QUEUE, PRUNE_JOB } from '../apps/worker/src/maintenance/maintenance.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

describe('Maintenance (worker): hourly pruning', () => {
  let db: DataSource;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  beforeAll(async () => {
    db = await openTestDataSource();
    worker = await startTestWorker(WorkerModule);
  });
  afterAll(async () => {
    await worker.close();
    await db.destroy();
  });
  const queue = () => worker.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));

  it('keeps one hourly prune job scheduler', async () => {
    const schedulers = await queue().getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([[PRUNE_JOB, 3_600_000]]);
  });

  it('deletes Idempotency-Key answers older than a day on a tick', async () => {
    const principal = randomUUID();
    await db.query(
      `INSERT INTO idempotency_records (principal_id, key, fingerprint, created_at)
       VALUES ($1, 'old', 'f', now() - interval '25 hours'), ($1, 'new', 'f', now())`,
      [principal],
    );
    const result = await runJobOnce<{ idempotencyRecords: number }>(queue(), PRUNE_JOB);
    expect(result.idempotencyRecords).toBeGreaterThanOrEqual(1);
    const keys = await db.query(`SELECT key FROM idempotency_records WHERE principal_id = $1`, [
      principal,
    ]);
    expect(keys).toEqual([{ key: 'new' }]);
  });
});
