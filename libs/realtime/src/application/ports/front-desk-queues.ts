import type { QueueEntry } from '../../domain/socket-events';

/** Port: a centre's waiting room now, as its front desk sees it. */
export abstract class FrontDeskQueues {
  abstract queueOf(centreId: string): Promise<QueueEntry[]>;
}
