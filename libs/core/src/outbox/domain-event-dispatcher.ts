import { Injectable, OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DomainEvent } from './domain-event';

const ON_DOMAIN_EVENT = 'carebook:onDomainEvent';
type EventClass = abstract new (...args: never[]) => DomainEvent;

/** A reaction to committed domain events, run by the worker. Must be safe to run twice. */
export interface DomainEventHandler<E extends DomainEvent = DomainEvent> {
  handle(event: E): Promise<void>;
}

/** Marks a provider as the handler of these committed events (discovered at start-up). */
export const OnDomainEvent = (...events: EventClass[]) => SetMetadata(ON_DOMAIN_EVENT, events);

/**
 * Runs every handler of a committed event and waits for all of them, so a failure fails the
 * `domain-events` job and BullMQ retries it with backoff (the CQRS EventBus is fire-and-forget,
 * which would lose the failure). Handlers are idempotent, since a retry runs them all again.
 */
@Injectable()
export class DomainEventDispatcher implements OnModuleInit {
  private readonly handlers = new Map<EventClass, DomainEventHandler[]>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as DomainEventHandler | undefined;
      const type = wrapper.metatype as unknown;
      if (!instance || typeof type !== 'function') continue;
      const events = Reflect.getMetadata(ON_DOMAIN_EVENT, type) as EventClass[] | undefined;
      for (const event of events ?? []) this.register(event, instance);
    }
  }

  register<E extends DomainEvent>(event: abstract new (...args: never[]) => E, handler: DomainEventHandler<E>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler as DomainEventHandler);
    this.handlers.set(event, list);
    return () => this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler));
  }

  async dispatch(event: DomainEvent): Promise<void> {
    const handlers = this.handlers.get(event.constructor as EventClass) ?? [];
    const results = await Promise.allSettled(handlers.map((h) => h.handle(event)));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length === 1) throw failures[0].reason;
    if (failures.length) throw new AggregateError(failures.map((f) => f.reason), `${failures.length} handlers failed`);
  }
}
