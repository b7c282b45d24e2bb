import { Command } from '@nestjs/cqrs';

/** A PENDING message younger than this may still be on its way to the queue: left alone. */
export const STRANDED_AFTER_MS = 2 * 60_000;

/**
 * The periodic safety net under `deliver` jobs (the worker runs it every minute). A message's
 * job is added once, by the outbox relay; if Redis then loses it (restarted without persistence,
 * flushed), nothing would ever deliver the message. This re-adds the `deliver` job of each
 * PENDING message created more than STRANDED_AFTER_MS ago whose MessageQueued the relay of this
 * process's outbox stream has published and that has no attempt that may still be in flight,
 * under the relay's job id: a job that still exists stays the only one. Answers how many
 * messages got their job back. Safe to run twice or in parallel.
 */
export class RequeueStrandedMessages extends Command<number> {}
