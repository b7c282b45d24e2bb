import { DomainEvent, eventNameOf, OutboxWriter, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Channel, DeliveryStatus, MessageStatus } from '../domain/channel';
import { Message } from '../domain/message';
import { MessageQueued } from '../domain/events/message-queued.event';
import { MessageRepository, StrandedCriteria, StrandedPage } from '../domain/message.repository';
import { MessageLogOrmEntity } from './message-log.orm-entity';

/** `message_log` rows and their events, written in one transaction (the caller's, if open). */
@Injectable()
export class TypeormMessageRepository extends MessageRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<Message | undefined> {
    const row = await this.uow.manager().findOneBy(MessageLogOrmEntity, { id });
    return row ? toAggregate(row) : undefined;
  }

  async findByProviderMessageId(providerMessageId: string): Promise<Message | undefined> {
    const row = await this.uow.manager().findOneBy(MessageLogOrmEntity, { providerMessageId });
    return row ? toAggregate(row) : undefined;
  }

  async add(message: Message): Promise<string> {
    const queued = { message, events: message.pullEvents() };
    const manager = this.uow.manager();
    // In the caller's transaction: its own statement there. Otherwise it joins the next
    // batched INSERT (many callers sending at once: one statement and one commit for them all).
    if (manager.queryRunner) return (await this.insert(manager, [queued]))[0];
    return this.adds.run(queued);
  }

  private readonly adds = new StatementBatcher<Queued, string>(async (batch) => {
    try {
      return await this.insert(this.uow.manager(), batch);
    } catch (error) {
      if (batch.length === 1) throw error;
      // One bad message must not fail the others: each on its own.
      return Promise.all(
        batch.map((queued) => this.insert(this.uow.manager(), [queued]).then(([id]) => id)),
      );
    }
  });

  /**
   * One statement (a data-modifying CTE) for the rows and their events: atomic on its own, and
   * joining the caller's transaction when one is open. ON CONFLICT DO NOTHING, not a caught
   * unique violation: an error would abort the caller's transaction (identity queues its OTP
   * message inside its own); a message that was not stored writes no event either, and answers
   * the id of the message holding its idempotency key.
   */
  private async insert(manager: EntityManager, batch: Queued[]): Promise<string[]> {
    const columns = manager.connection.getMetadata(MessageLogOrmEntity).columns;
    const rows = batch.map(({ message }) => {
      const row = toRow(message) as unknown as Record<string, unknown>;
      return Object.fromEntries(columns.map((c) => [c.databaseName, row[c.propertyName] ?? null]));
    });
    const events = batch.flatMap((q) => q.events);
    const outbox = events.length
      ? this.outbox.insertStatement(events, 2, 'aggregate_id IN (SELECT id::text FROM inserted)')
      : undefined;
    const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
    const inserted: Array<{ id: string }> = await manager.query(
      `WITH inserted AS (
         INSERT INTO message_log (${names})
         SELECT ${names} FROM jsonb_populate_recordset(NULL::message_log, $1::jsonb)
         ON CONFLICT DO NOTHING RETURNING id
       )${outbox ? `, events AS (${outbox.sql})` : ''}
       SELECT id FROM inserted`,
      outbox ? [JSON.stringify(rows), ...outbox.params] : [JSON.stringify(rows)],
    );
    const stored = new Set(inserted.map((r) => r.id));
    return Promise.all(
      batch.map(async ({ message }) => {
        if (stored.has(message.id)) return message.id;
        const key = message.snapshot().idempotencyKey;
        const holder = key
          ? await manager.findOne(MessageLogOrmEntity, {
              select: { id: true },
              where: { idempotencyKey: key },
            })
          : null;
        if (!holder)
          throw new Error(`message ${message.id} was not stored and no message holds its key`);
        return holder.id;
      }),
    );
  }

  async save(message: Message): Promise<void> {
    await this.uow.run(async (manager) => {
      await manager.update(MessageLogOrmEntity, { id: message.id }, deliveryState(message));
      await this.outbox.append(manager, message.pullEvents());
    });
  }

  async startAttempt(
    id: string,
    openAttempt: Date | null,
    now: Date,
  ): Promise<Message | undefined> {
    const manager = this.uow.manager();
    // The usual case (no open attempt, no caller's transaction) joins the next batched UPDATE.
    if (openAttempt === null && !manager.queryRunner) {
      const row = await this.claims.run({ id, now });
      return row ? toAggregate(this.fromColumns(row)) : undefined;
    }
    // One statement, committed on its own: the attempt is on record before the provider call.
    // (TypeORM answers an UPDATE as [rows, rowCount].)
    const [rows]: [Record<string, unknown>[], number] = await manager.query(
      `UPDATE message_log
          SET attempts = attempts + 1, attempt_started_at = $3, updated_at = $3
        WHERE id = $1 AND status = 'PENDING' AND attempt_started_at IS NOT DISTINCT FROM $2::timestamptz
        RETURNING *`,
      [id, openAttempt, now],
    );
    return rows.length ? toAggregate(this.fromColumns(rows[0])) : undefined;
  }

  async saveOutcome(message: Message, attempt: Date): Promise<boolean> {
    const events = message.pullEvents();
    const outcome = { ...outcomeOf(message), attempt };
    // Without events (the usual case) the outcome joins the next batched UPDATE.
    if (!events.length && !this.uow.manager().queryRunner) return this.outcomes.run(outcome);
    return this.uow.run(async (manager) => {
      const [updated] = await this.writeOutcomes(manager, [outcome]);
      if (updated) await this.outbox.append(manager, events);
      return updated;
    });
  }

  async findStranded(criteria: StrandedCriteria): Promise<StrandedPage> {
    const manager = this.uow.manager();
    const { after, limit } = criteria;
    const candidates: Array<{ id: string; createdAt: string }> = await manager.query(
      `SELECT id, created_at::text AS "createdAt" FROM message_log
        WHERE status = 'PENDING' AND created_at < $1
          AND (attempt_started_at IS NULL OR attempt_started_at < $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id
        LIMIT $5`,
      [
        criteria.createdBefore,
        criteria.attemptOpenedBefore,
        after?.createdAt ?? null,
        after?.messageId ?? null,
        limit,
      ],
    );
    if (!candidates.length) return { messages: [] };
    // Their MessageQueued rows, in a second statement rather than a join: outbox has no index
    // on aggregate_id, and a nested loop would scan it once per candidate. Published on this
    // stream only: the relay is not about to add the job, and other streams' workers (each
    // test suite's) sweep their own.
    const events: Array<{ id: string; messageId: string }> = await manager.query(
      `SELECT id, aggregate_id AS "messageId" FROM outbox
        WHERE aggregate_id = ANY($1::text[]) AND type = $2 AND stream = $3
          AND published_at IS NOT NULL`,
      [candidates.map((c) => c.id), eventNameOf(MessageQueued), criteria.outboxStream],
    );
    const eventOf = new Map(events.map((e) => [e.messageId, e.id]));
    const last = candidates[candidates.length - 1];
    return {
      messages: candidates
        .filter((c) => eventOf.has(c.id))
        .map((c) => ({ messageId: c.id, eventId: eventOf.get(c.id) as string })),
      next:
        candidates.length < limit ? undefined : { createdAt: last.createdAt, messageId: last.id },
    };
  }

  /**
   * Claims of many deliveries in one UPDATE (a worker runs dozens at once): fewer statements
   * and commits per message. A message asked for twice in one batch is claimed once.
   */
  private readonly claims = new StatementBatcher<
    { id: string; now: Date },
    Record<string, unknown> | undefined
  >(async (claims) => {
    const now = claims.reduce((latest, c) => (c.now > latest ? c.now : latest), claims[0].now);
    const [rows]: [Record<string, unknown>[], number] = await this.uow.manager().query(
      `UPDATE message_log m
            SET attempts = m.attempts + 1, attempt_started_at = $2, updated_at = $2
           FROM unnest($1::uuid[]) AS t(id)
          WHERE m.id = t.id AND m.status = 'PENDING' AND m.attempt_started_at IS NULL
          RETURNING m.*`,
      [[...new Set(claims.map((c) => c.id))], now],
    );
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    return claims.map((c) => {
      const row = byId.get(c.id);
      byId.delete(c.id); // a second claim of the same message in this batch loses
      return row;
    });
  });

  /** Outcomes of many deliveries in one UPDATE, each only for its own attempt. */
  private readonly outcomes = new StatementBatcher<Outcome, boolean>((outcomes) =>
    this.writeOutcomes(this.uow.manager(), outcomes),
  );

  private async writeOutcomes(manager: EntityManager, outcomes: Outcome[]): Promise<boolean[]> {
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE message_log m
          SET status = v.status, attempts = v.attempts, provider_message_id = v.provider_message_id,
              last_error = v.last_error, body = v.body, html = v.html, updated_at = v.updated_at,
              sent_at = v.sent_at, attempt_started_at = v.attempt_started_at
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, attempt timestamptz, status text,
              attempts integer, provider_message_id text, last_error text, body text, html text,
              updated_at timestamptz, sent_at timestamptz, attempt_started_at timestamptz)
        WHERE m.id = v.id AND m.status = 'PENDING' AND m.attempt_started_at = v.attempt
        RETURNING m.id`,
      [JSON.stringify(outcomes)],
    );
    const updated = new Set(rows.map((r) => r.id));
    return outcomes.map((o) => updated.delete(o.id));
  }

  /** A raw `RETURNING *` row (column names) as the entity (property names). */
  private fromColumns(raw: Record<string, unknown>): MessageLogOrmEntity {
    const columns = this.uow.manager().connection.getMetadata(MessageLogOrmEntity).columns;
    const entity = new MessageLogOrmEntity() as unknown as Record<string, unknown>;
    for (const column of columns) entity[column.propertyName] = raw[column.databaseName];
    return entity as unknown as MessageLogOrmEntity;
  }
}

/** What a delivery changes on a stored message. */
function deliveryState(message: Message) {
  const s = message.snapshot();
  return {
    status: s.status,
    attempts: s.attempts,
    providerMessageId: s.providerMessageId,
    lastError: s.lastError,
    body: s.body,
    html: s.html,
    updatedAt: s.updatedAt,
    sentAt: s.sentAt,
    deliveryStatus: s.deliveryStatus,
    deliveryErrorCode: s.deliveryErrorCode,
    deliveryUpdatedAt: s.deliveryUpdatedAt,
    attemptStartedAt: s.attemptStartedAt,
  };
}

function toAggregate(row: MessageLogOrmEntity): Message {
  return Message.restore({
    id: row.id,
    recipient: row.recipient,
    channel: row.channel as Channel,
    template: row.template,
    subject: row.subject,
    body: row.body,
    html: row.html,
    calendarEvent: row.calendarEvent,
    sensitive: row.sensitive,
    status: row.status as MessageStatus,
    attempts: row.attempts,
    providerMessageId: row.providerMessageId,
    lastError: row.lastError,
    idempotencyKey: row.idempotencyKey,
    centreId: row.centreId,
    patientId: row.patientId,
    appointmentId: row.appointmentId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sentAt: row.sentAt,
    deliveryStatus: row.deliveryStatus as DeliveryStatus | null,
    deliveryErrorCode: row.deliveryErrorCode,
    deliveryUpdatedAt: row.deliveryUpdatedAt,
    attemptStartedAt: row.attemptStartedAt,
  });
}

function toRow(message: Message): MessageLogOrmEntity {
  return Object.assign(new MessageLogOrmEntity(), message.snapshot());
}

/** A message to store and the events it recorded. */
interface Queued {
  message: Message;
  events: DomainEvent[];
}

/** What `saveOutcome` writes, and the attempt it belongs to. */
interface Outcome {
  id: string;
  attempt: Date;
  status: string;
  attempts: number;
  provider_message_id: string | null;
  last_error: string | null;
  body: string;
  html: string | null;
  updated_at: Date;
  sent_at: Date | null;
  attempt_started_at: Date | null;
}

function outcomeOf(message: Message): Omit<Outcome, 'attempt'> {
  const s = message.snapshot();
  return {
    id: s.id,
    status: s.status,
    attempts: s.attempts,
    provider_message_id: s.providerMessageId,
    last_error: s.lastError,
    body: s.body,
    html: s.html,
    updated_at: s.updatedAt,
    sent_at: s.sentAt,
    attempt_started_at: s.attemptStartedAt,
  };
}

/**
 * Group commit for one kind of statement: calls made while a batch is being written wait and
 * go together in the next one (at most MAX_IN_FLIGHT batches at a time, MAX_BATCH calls each).
 * A lone call goes at once, so nothing waits on a timer. A failed batch fails each of its calls.
 */
class StatementBatcher<I, O> {
  private static readonly MAX_IN_FLIGHT = 2;
  private static readonly MAX_BATCH = 500;
  private waiting: Array<{ input: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private inFlight = 0;

  constructor(private readonly write: (inputs: I[]) => Promise<O[]>) {}

  run(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.waiting.length && this.inFlight < StatementBatcher.MAX_IN_FLIGHT) {
      const batch = this.waiting.splice(0, StatementBatcher.MAX_BATCH);
      this.inFlight += 1;
      this.write(batch.map((b) => b.input))
        .then(
          (outputs) => batch.forEach((b, i) => b.resolve(outputs[i])),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.flush();
        });
    }
  }
}
