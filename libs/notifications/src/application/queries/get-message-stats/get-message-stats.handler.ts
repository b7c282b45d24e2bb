import { Clock, ValidationFailedError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CHANNELS, DELIVERY_STATUSES, MESSAGE_STATUSES } from '../../../domain/channel';
import type { MessageStatus } from '../../../domain/channel';
import type { DayCountsDto, MessageStatsDto } from '../../dto/message-stats.dto';
import { MessageScope } from '../message-read-model/message-scope';
import { lowerBoundSql, periodEnd, upperBoundSql } from '../message-read-model/period';
import { GetMessageStats } from './get-message-stats.query';

const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

interface Period {
  lo: Date;
  hi: Date;
  first_day: string;
  last_day: string;
}

/** One row per grouping set; `g` is GROUPING(channel, status, delivery_status, day). */
interface CountRow {
  channel: string | null;
  status: string | null;
  delivery_status: string | null;
  day: string | null;
  n: number;
  g: number;
}
const BY_CHANNEL = 0b0111;
const BY_STATUS = 0b1011;
const BY_DELIVERY = 0b1101;
const BY_DAY_STATUS = 0b1010;
const TOTAL = 0b1111;

@QueryHandler(GetMessageStats)
export class GetMessageStatsHandler implements IQueryHandler<GetMessageStats> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, filter }: GetMessageStats): Promise<MessageStatsDto> {
    const scope = MessageScope.of(actor, { patients: false }).condition(4);
    const tz = filter.tz ?? 'UTC';
    const period = await this.period(filter, tz);
    // Every figure in one pass over the period's rows.
    const rows: CountRow[] = await this.db.query(
      `SELECT m.channel, m.status, m.delivery_status,
              to_char(m.created_at AT TIME ZONE $3, 'YYYY-MM-DD') AS day,
              count(*)::int AS n,
              GROUPING(m.channel, m.status, m.delivery_status, to_char(m.created_at AT TIME ZONE $3, 'YYYY-MM-DD'))::int AS g
         FROM message_log m
        WHERE m.created_at >= $1 AND m.created_at < $2
          AND ${scope.sql}
          AND ($7::uuid IS NULL OR m.centre_id = $7)
        GROUP BY GROUPING SETS (
          (m.channel), (m.status), (m.delivery_status),
          (to_char(m.created_at AT TIME ZONE $3, 'YYYY-MM-DD'), m.status), ())`,
      [period.lo, period.hi, tz, ...scope.params, filter.centreId ?? null],
    );
    const counts = (set: number, key: (r: CountRow) => string | null) =>
      new Map(rows.filter((r) => r.g === set && key(r) !== null).map((r) => [key(r)!, r.n]));
    const byChannel = counts(BY_CHANNEL, (r) => r.channel);
    const byStatus = counts(BY_STATUS, (r) => r.status);
    const byDelivery = counts(BY_DELIVERY, (r) => r.delivery_status);
    const perDay = new Map<string, DayCountsDto>();
    for (const date of daysBetween(period.first_day, period.last_day)) {
      perDay.set(date, { date, total: 0, PENDING: 0, SENT: 0, FAILED: 0 });
    }
    for (const r of rows.filter((row) => row.g === BY_DAY_STATUS)) {
      const day = perDay.get(r.day!);
      if (!day) continue;
      day.total += r.n;
      day[r.status as MessageStatus] += r.n;
    }
    return {
      from: period.lo.toISOString(),
      to: period.hi.toISOString(),
      tz,
      centreId: filter.centreId ?? null,
      total: rows.find((r) => r.g === TOTAL)?.n ?? 0,
      byChannel: tally(CHANNELS, byChannel),
      byStatus: tally(MESSAGE_STATUSES, byStatus),
      byDeliveryStatus: tally(DELIVERY_STATUSES, byDelivery),
      byDay: [...perDay.values()],
    };
  }

  /** The period's bounds and its first and last day in `tz`, worked out by PostgreSQL. */
  private async period(filter: GetMessageStats['filter'], tz: string): Promise<Period> {
    const from = periodEnd(filter.from);
    const to = periodEnd(filter.to);
    const [period]: Period[] = await this.db
      .query(
        `WITH upper_end AS (SELECT COALESCE(${upperBoundSql(3, 4, '$5')}, $6::timestamptz) AS hi),
            bounds AS (
              SELECT COALESCE(${lowerBoundSql(1, 2, '$5')}, hi - make_interval(days => $7)) AS lo, hi
                FROM upper_end)
       SELECT lo, hi,
              (lo AT TIME ZONE $5)::date::text AS first_day,
              ((hi - interval '1 microsecond') AT TIME ZONE $5)::date::text AS last_day
         FROM bounds`,
        [from.instant, from.date, to.instant, to.date, tz, this.clock.now(), DEFAULT_DAYS],
      )
      .catch((error: { code?: string }) => {
        // A zone Intl knows but this PostgreSQL does not (22023: time zone not recognized).
        if (error.code !== '22023') throw error;
        throw new ValidationFailedError([
          { field: 'tz', message: 'tz must be a known IANA time zone' },
        ]);
      });
    if (period.lo.getTime() >= period.hi.getTime()) {
      throw new ValidationFailedError([{ field: 'from', message: 'from must be before to' }]);
    }
    if (period.hi.getTime() - period.lo.getTime() > MAX_DAYS * DAY_MS) {
      throw new ValidationFailedError([
        { field: 'from', message: `the period must span at most ${MAX_DAYS} days` },
      ]);
    }
    return period;
  }
}

function tally<K extends string>(
  keys: readonly K[],
  counts: Map<string, number>,
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, counts.get(k) ?? 0])) as Record<K, number>;
}

/** `YYYY-MM-DD` dates from `first` to `last`, inclusive. */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${first}T00:00:00Z`);
    t <= Date.parse(`${last}T00:00:00Z`);
    t += DAY_MS
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
