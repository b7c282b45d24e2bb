import type { Queue } from 'bullmq';

/**
 * Keeps one repeatable job `name` every `everyMs` on `queue`: a BullMQ job scheduler in Redis,
 * so however many workers call this, each tick is one job (the first one `everyMs` from now).
 * Its own kept jobs are capped at the last 100 completed and 100 failed.
 */
export async function keepRepeating(queue: Queue, name: string, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    name,
    { every: everyMs },
    { name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
}
