import { Queue, QueueEvents } from 'bullmq';

/**
 * Adds one `name` job to `queue` and waits (up to `timeoutMs`) for a worker to finish it:
 * answers the job's return value, or fails with its error. For driving a periodic job (a job
 * scheduler's tick) at once instead of waiting for its period.
 */
export async function runJobOnce<T = unknown>(
  queue: Queue,
  name: string,
  data: Record<string, unknown> = {},
  timeoutMs = 60_000,
): Promise<T> {
  const events = new QueueEvents(queue.name, {
    connection: queue.opts.connection,
    prefix: queue.opts.prefix,
  });
  try {
    await events.waitUntilReady();
    const job = await queue.add(name, data);
    return (await job.waitUntilFinished(events, timeoutMs)) as T;
  } finally {
    await events.close();
  }
}
