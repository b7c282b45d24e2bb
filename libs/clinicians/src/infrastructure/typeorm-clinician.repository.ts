import {
  ConflictError,
  DomainError,
  isUuid,
  OutboxWriter,
  PG,
  pgErrorOf,
  UnitOfWork,
  ValidationFailedError,
} from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { Clinician } from '../domain/clinician';
import { ClinicianRepository } from '../domain/clinician.repository';
import { TimeOff } from '../domain/time-off';
import { AvailabilityRule, WeeklyAvailability } from '../domain/weekly-availability';
import { ClinicianOrmEntity } from './clinician.orm-entity';
import { TIME_OFF_COLUMNS, TimeOffRow, toRow, toState, toTimeOff } from './clinician-row-mapping';

/**
 * Saves the clinician row, its centres, its weekly rules and time off, and the aggregate's
 * events in one transaction. Rules are rewritten only when the week changed.
 */
@Injectable()
export class TypeormClinicianRepository extends ClinicianRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<Clinician | undefined> {
    return isUuid(id) ? this.load({ id }, options.lock) : undefined;
  }

  async findByUserId(
    userId: string,
    options: { lock?: boolean } = {},
  ): Promise<Clinician | undefined> {
    return isUuid(userId) ? this.load({ userId }, options.lock) : undefined;
  }

  async findTimeOff(clinicianId: string, timeOffId: string): Promise<TimeOff | undefined> {
    if (!isUuid(clinicianId) || !isUuid(timeOffId)) return undefined;
    const [row]: TimeOffRow[] = await this.uow
      .manager()
      .query(
        `SELECT ${TIME_OFF_COLUMNS} FROM clinician_time_off WHERE id = $1 AND clinician_id = $2`,
        [timeOffId, clinicianId],
      );
    return row && toTimeOff(row);
  }

  async findUpcomingTimeOff(clinicianId: string, after: Date): Promise<TimeOff[]> {
    const rows: TimeOffRow[] = await this.uow.manager().query(
      `SELECT ${TIME_OFF_COLUMNS} FROM clinician_time_off
        WHERE clinician_id = $1 AND upper(during) > $2
        ORDER BY lower(during), id`,
      [clinicianId, after],
    );
    return rows.map(toTimeOff);
  }

  async save(clinician: Clinician): Promise<void> {
    try {
      await this.uow.run(async (manager) => {
        const s = clinician.snapshot();
        const pending = clinician.pullPendingWrites();
        await manager.save(ClinicianOrmEntity, toRow(s));
        // Old rules go before memberships change: a rule must name one of the clinician's centres.
        if (pending.availability)
          await manager.query(`DELETE FROM availability_rules WHERE clinician_id = $1`, [s.id]);
        await syncCentres(manager, s.id, s.centreIds);
        if (pending.availability) await insertRules(manager, s.id, s.availability.rules);
        if (pending.addedTimeOff.length) await insertTimeOff(manager, pending.addedTimeOff);
        if (pending.removedTimeOffIds.length) {
          await manager.query(
            `DELETE FROM clinician_time_off WHERE clinician_id = $1 AND id = ANY($2::uuid[])`,
            [s.id, pending.removedTimeOffIds],
          );
        }
        await this.outbox.append(manager, clinician.pullEvents());
      });
    } catch (error) {
      throw translate(error) ?? error;
    }
  }

  private async load(
    where: FindOptionsWhere<ClinicianOrmEntity>,
    lock = false,
  ): Promise<Clinician | undefined> {
    const manager = this.uow.manager();
    // A row lock needs a transaction; outside one the read simply does not lock.
    const locking = lock && manager.queryRunner?.isTransactionActive === true;
    const row = await manager.findOne(ClinicianOrmEntity, {
      where: { ...where, deletedAt: IsNull() },
      ...(locking ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) return undefined;
    const [parts]: Array<{ centre_ids: string[]; rules: AvailabilityRule[] }> = await manager.query(
      `SELECT ARRAY(SELECT centre_id FROM clinician_centres WHERE clinician_id = $1 ORDER BY centre_id) AS centre_ids,
              COALESCE((SELECT json_agg(json_build_object(
                         'dayOfWeek', day_of_week, 'startMinute', start_minute, 'endMinute', end_minute,
                         'centreId', centre_id, 'sessionType', session_type))
                          FROM availability_rules WHERE clinician_id = $1), '[]') AS rules`,
      [row.id],
    );
    return Clinician.restore(
      toState(row, parts.centre_ids, WeeklyAvailability.restore(parts.rules)),
    );
  }
}

/** Makes the stored memberships equal `centreIds`, touching only the rows that differ. */
async function syncCentres(
  manager: EntityManager,
  clinicianId: string,
  centreIds: string[],
): Promise<void> {
  await manager.query(
    `DELETE FROM clinician_centres WHERE clinician_id = $1 AND centre_id <> ALL($2::uuid[])`,
    [clinicianId, centreIds],
  );
  await manager.query(
    `INSERT INTO clinician_centres (clinician_id, centre_id)
     SELECT $1, centre_id FROM unnest($2::uuid[]) AS centre_id
     ON CONFLICT DO NOTHING`,
    [clinicianId, centreIds],
  );
}

async function insertRules(
  manager: EntityManager,
  clinicianId: string,
  rules: readonly AvailabilityRule[],
): Promise<void> {
  if (!rules.length) return;
  await manager.query(
    `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
     SELECT $1, x."centreId", x."dayOfWeek", x."startMinute", x."endMinute", x."sessionType"
       FROM jsonb_to_recordset($2::jsonb)
         AS x("centreId" uuid, "dayOfWeek" integer, "startMinute" integer, "endMinute" integer, "sessionType" text)`,
    [clinicianId, JSON.stringify(rules)],
  );
}

async function insertTimeOff(manager: EntityManager, added: readonly TimeOff[]): Promise<void> {
  const rows = added.map((t) => t.snapshot());
  await manager.query(
    `INSERT INTO clinician_time_off (id, clinician_id, during, reason, created_at)
     SELECT x.id, x."clinicianId", tstzrange(x."startsAt", x."endsAt", '[)'), x.reason, x."createdAt"
       FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, "clinicianId" uuid, "startsAt" timestamptz, "endsAt" timestamptz, reason text, "createdAt" timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** The constraints these tables know, as precise domain errors. */
function translate(error: unknown): DomainError | undefined {
  const pg = pgErrorOf(error);
  if (!pg) return undefined;
  const invalid = (field: string, message: string) =>
    new ValidationFailedError([{ field, message }]);
  switch (pg.constraint) {
    case 'EXCL_availability_rules_overlap':
      return invalid('rules', 'rules of one day overlap');
    case 'FK_availability_rules_membership':
    case 'FK_availability_rules_centre':
      return invalid('rules', "a rule names a centre that is not one of the clinician's centres");
    case 'FK_clinicians_primary_centre':
      return invalid('primaryCentreId', 'primaryCentreId names a centre that does not exist');
    case 'FK_clinician_centres_centre':
      return invalid('centreIds', 'centreIds names a centre that does not exist');
    case 'UQ_clinicians_user':
      return new ConflictError('This staff user already has a clinician profile.');
    default:
      return pg.code === PG.EXCLUSION_VIOLATION
        ? invalid('rules', 'rules of one day overlap')
        : undefined;
  }
}
