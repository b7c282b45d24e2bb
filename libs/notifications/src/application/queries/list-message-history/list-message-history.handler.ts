import { offsetOf, Page, pageOf } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { MessageDto } from '../../dto/message-history.dto';
import { MESSAGE_COLUMNS, MessageRow, messageRowToDto } from '../message-read-model/message-row';
import { MessageScope } from '../message-read-model/message-scope';
import { lowerBoundSql, periodEnd, upperBoundSql } from '../message-read-model/period';
import { ListMessageHistory } from './list-message-history.query';

@QueryHandler(ListMessageHistory)
export class ListMessageHistoryHandler implements IQueryHandler<ListMessageHistory> {
  constructor(private readonly db: DataSource) {}

  async execute({ actor, filter }: ListMessageHistory): Promise<Page<MessageDto>> {
    const scope = MessageScope.of(actor, { patients: true }).condition(1);
    const from = periodEnd(filter.from);
    const to = periodEnd(filter.to);
    // The count and the page in one statement; the count row comes back even past the last page.
    const rows: Array<Partial<MessageRow> & { total: string }> = await this.db.query(
      `WITH filtered AS (
         SELECT m.* FROM message_log m
          WHERE ${scope.sql}
            AND ($4::text IS NULL OR m.channel = $4)
            AND ($5::text IS NULL OR m.status = $5)
            AND ($6::text IS NULL OR m.delivery_status = $6)
            AND ($7::text IS NULL OR m.template = $7)
            AND ($8::text IS NULL OR m.recipient = $8)
            AND ($9::uuid IS NULL OR m.patient_id = $9)
            AND ($10::uuid IS NULL OR m.appointment_id = $10)
            AND ($11::uuid IS NULL OR m.centre_id = $11)
            AND m.created_at >= COALESCE(${lowerBoundSql(12, 13, "'UTC'")}, '-infinity')
            AND m.created_at < COALESCE(${upperBoundSql(14, 15, "'UTC'")}, 'infinity')
       )
       SELECT c.total, p.*
         FROM (SELECT count(*) AS total FROM filtered) c
         LEFT JOIN LATERAL (
           SELECT ${MESSAGE_COLUMNS} FROM filtered m
            ORDER BY m.created_at DESC, m.id DESC
            LIMIT $16 OFFSET $17
         ) p ON true`,
      [
        ...scope.params,
        filter.channel ?? null,
        filter.status ?? null,
        filter.deliveryStatus ?? null,
        filter.template ?? null,
        filter.recipient ?? null,
        filter.patientId ?? null,
        filter.appointmentId ?? null,
        filter.centreId ?? null,
        from.instant,
        from.date,
        to.instant,
        to.date,
        filter.limit,
        offsetOf(filter),
      ],
    );
    const items = rows.filter((r) => r.id).map((r) => messageRowToDto(r as MessageRow));
    return pageOf(items, Number(rows[0]?.total ?? 0), filter);
  }
}
