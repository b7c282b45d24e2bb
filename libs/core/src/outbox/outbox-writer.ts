import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DATABASE_CONFIG } from '../config/config.module';
import type { DatabaseConfig } from '../config/env';
import { DomainEvent } from './domain-event';

/**
 * Appends events to the outbox with the caller's transaction manager, so they commit (or roll
 * back) together with the state change that caused them. One statement for any number of events.
 */
@Injectable()
export class OutboxWriter {
  private readonly stream: string;

  constructor(@Optional() @Inject(DATABASE_CONFIG) config?: Pick<DatabaseConfig, 'outboxStream'>) {
    this.stream = config?.outboxStream ?? 'default';
  }

  async append(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    if (!events.length) return;
    const rows = events.map((event) => ({
      id: event.eventId,
      type: event.eventName,
      aggregate_id: event.aggregateId,
      payload: { ...event },
      occurred_at: event.occurredAt,
      stream: this.stream,
    }));
    await manager.query(
      `INSERT INTO outbox (id, type, aggregate_id, payload, occurred_at, stream)
       SELECT id, type, aggregate_id, payload, occurred_at, stream
         FROM jsonb_to_recordset($1::jsonb)
           AS x(id uuid, type text, aggregate_id text, payload jsonb, occurred_at timestamptz, stream text)`,
      [JSON.stringify(rows)],
    );
  }
}
