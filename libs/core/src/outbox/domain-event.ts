import { newId } from '../ids/ids';

/**
 * A fact that happened in a context, recorded by an aggregate and stored in the outbox in the
 * transaction that changed its state. Subclasses carry plain JSON-safe fields only, because
 * the worker rebuilds them from the outbox row.
 */
export abstract class DomainEvent {
  /** Unique per event; also the BullMQ job id and the provider idempotency key downstream. */
  readonly eventId: string = newId();
  readonly occurredAt: string;

  constructor(
    readonly aggregateId: string,
    occurredAt: Date = new Date(),
  ) {
    this.occurredAt = occurredAt.toISOString();
  }

  /** The stable name stored in the outbox, set with `@DomainEventName`. */
  get eventName(): string {
    return eventNameOf(this.constructor);
  }
}

type EventClass = abstract new (...args: never[]) => DomainEvent;
const byName = new Map<string, EventClass>();
const NAME = Symbol('domainEventName');

/** Gives an event class its stable outbox name, e.g. `centres.CentreCreated`. */
export function DomainEventName(name: string) {
  return (target: EventClass): void => {
    const existing = byName.get(name);
    if (existing && existing !== target) throw new Error(`Domain event name ${name} is used twice`);
    byName.set(name, target);
    Object.defineProperty(target, NAME, { value: name });
  };
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function eventNameOf(cls: Function): string {
  const name = (cls as unknown as Record<symbol, string | undefined>)[NAME];
  if (!name) throw new Error(`${cls.name} has no @DomainEventName`);
  return name;
}

/** Rebuilds an event from its outbox JSON, or undefined when this process does not know the name. */
export function rehydrateEvent(name: string, data: Record<string, unknown>): DomainEvent | undefined {
  const cls = byName.get(name);
  if (!cls) return undefined;
  return Object.assign(Object.create(cls.prototype) as DomainEvent, data);
}
