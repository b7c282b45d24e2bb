/** A message that is due a `deliver` job, and the MessageQueued event that asked for it. */
export interface QueuedDelivery {
  messageId: string;
  eventId: string;
}

/**
 * Port: the queue of message deliveries (the worker's `notifications` queue). `requeue` adds
 * each message's `deliver` job exactly as the outbox relay does, under the same job id (the
 * message id): a message whose job still exists (waiting, delayed, active, completed or failed)
 * keeps that one job and is not delivered twice. Answers how many had no job and got one.
 */
export abstract class DeliveryQueue {
  abstract requeue(deliveries: QueuedDelivery[]): Promise<number>;
}
