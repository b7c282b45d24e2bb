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
    const { sql, params } = this.insertStatement(events, 1);
    await manager.query(sql, params);
  }

  /**
   * The INSERT of `append` for a caller that writes its own row in the same statement (a
   * data-modifying CTE: one round trip, atomic without a transaction): its SQL, reading its
   * parameters from `$<paramIndex>` on, their values, and an optional condition (e.g.
   * `aggregate_id IN (SELECT id::text FROM inserted)`). One event without a condition is a plain
   * VALUES row (a booking's single AppointmentBooked: cheaper than decoding a JSON record set).
   */
  insertStatement(
    events: readonly DomainEvent[],
    paramIndex: number,
    condition?: string,
  ): { sql: string; params: unknown[] } {
    const rows = events.map((event) => ({
      id: event.eventId,
      type: event.eventName,
      aggregate_id: event.aggregateId,
      payload: { ...event },
      occurred_at: event.occurredAt,
      stream: this.stream,
    }));
    if (rows.length === 1 && !condition) {
      const [row] = rows;
      const $ = (offset: number) => `$${paramIndex + offset}`;
      return {
        sql: `INSERT INTO outbox (id, type, aggregate_id, payload, occurred_at, stream)
       VALUES (${$(0)}::uuid, ${$(1)}, ${$(2)}, ${$(3)}::jsonb, ${$(4)}::timestamptz, ${$(5)})`,
        params: [
          row.id,
          row.type,
          row.aggregate_id,
          JSON.stringify(row.payload),
          row.occurred_at,
          row.stream,
        ],
      };
    }
    return {
      sql: `INSERT INTO outbox (id, type, aggregate_id, payload, occurred_at, stream)
       SELECT id, type, aggregate_id, payload, occurred_at, stream
         FROM jsonb_to_recordset($${paramIndex}::jsonb)
           AS x(id uuid, type text, aggregate_id text, payload jsonb, occurred_at timestamptz, stream text)${
             condition ? `\n        WHERE ${condition}` : ''
           }`,
      params: [JSON.stringify(rows)],
    };
  }
}
