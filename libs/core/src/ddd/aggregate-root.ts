import { DomainEvent } from '../outbox/domain-event';

/** Base of aggregates: intent methods record events; the repository saves them to the outbox. */
export abstract class AggregateRoot {
  private pending: DomainEvent[] = [];

  protected record(event: DomainEvent): void {
    this.pending.push(event);
  }

  /** Hands over the recorded events exactly once (the repository calls it inside its transaction). */
  pullEvents(): DomainEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
