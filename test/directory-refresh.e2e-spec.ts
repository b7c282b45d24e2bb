import {
  openTestDataSource,
  seedBookingParties,
  startTestWorker,
  runJobOnce,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  DIRECTORY_QUEUE,
  REFRESH_DIRECTORY_JOB,
} from '../apps/worker/src/directory/directory.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

describe('Directory refresh (worker): one job scheduler, however many workers', () => {
  let db: DataSource;
  let workers: Array<Awaited<ReturnType<typeof startTestWorker>>>;

  beforeAll(async () => {
    db = await openTestDataSource();
    // Two workers of one deployment (same queue prefix), as two processes would be.
    workers = [await startTestWorker(WorkerModule), await startTestWorker(WorkerModule)];
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await db.destroy();
  });

  const queue = () => workers[0].get<Queue>(getQueueToken(DIRECTORY_QUEUE));

  it('keeps a single refresh-directory job scheduler', async () => {
    const schedulers = await queue().getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([[REFRESH_DIRECTORY_JOB, 300_000]]);
  });

  it('re-projects an aged directory row on a tick', async () => {
    const p = await seedBookingParties(db);
    await db.query(
      `INSERT INTO directory_clinicians (clinician_id, full_name, specializations, specialization_keys, languages,
         language_keys, years_of_experience, fee_amount, fee_currency, slot_minutes, min_notice_minutes,
         primary_centre_id, primary_centre_name, centre_ids, city, location, session_types, is_listed,
         slot_starts, projected_at)
       VALUES ($1, 'Stale name', '[]', '{}', '[]', '{}', 0, 1, 'INR', 30, 120, $2, 'Stale centre', ARRAY[$2::uuid],
               'Nowhere', ST_SetSRID(ST_MakePoint(0, 0), 4326)::geography, '{}', true, '{}', '2001-01-01T00:00:00Z')`,
      [p.clinicianId, p.centreId],
    );
    const result = await runJobOnce<{ refreshed: number }>(queue(), REFRESH_DIRECTORY_JOB);
    expect(result.refreshed).toBeGreaterThanOrEqual(1);
    const [row] = await db.query(
      `SELECT full_name, primary_centre_name, projected_at FROM directory_clinicians WHERE clinician_id = $1`,
      [p.clinicianId],
    );
    expect(row.full_name).toBe('Dr Test');
    expect(row.primary_centre_name).toMatch(/^Booking centre /);
    expect(Date.now() - row.projected_at.getTime()).toBeLessThan(60_000);
  });
});
