import { DomainEvent, DomainEventName } from '@carebook/core';

/**
 * A message was stored and waits for delivery. Carries only the message id on purpose: the
 * outbox must never hold a message's text (OTPs among them), so delivery reads the row.
 */
@DomainEventName('notifications.MessageQueued')
export class MessageQueued extends DomainEvent {
  constructor(messageId: string, at: Date) {
    super(messageId, at);
  }
}
