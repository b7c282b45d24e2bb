import { DomainEvent, eventNameOf, OutboxPublisher } from '@carebook/core';

/**
 * Hands `event` to the worker's publisher exactly as the outbox relay does with a committed row
 * (same id, type and payload), so a test takes production's route (e.g. MessageQueued straight
 * to a `deliver` job) without waiting for, or racing, a relay.
 */
export async function publishAsRelay(
  publisher: OutboxPublisher,
  event: DomainEvent,
): Promise<void> {
  await publisher.publish([
    {
      id: event.eventId,
      type: eventNameOf(event.constructor),
      aggregateId: event.aggregateId,
      payload: { ...event },
      occurredAt: event.occurredAt,
    },
  ]);
}
