import { scheduleFromJson, TIME_OFF_LOOKBACK_MS, type ScheduleJson } from '@carebook/clinicians';
import {
  Clock,
  isUuid,
  OutboxWriter,
  PG,
  pgErrorOf,
  type SqlResult,
  UnitOfWork,
} from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CalendarRead,
  CalendarStore,
  CalendarWindow,
} from '../application/ports/calendar-store';
import { Appointment } from '../domain/appointment';
import {
  ConcurrentModificationError,
  IdempotencyKeyInUseError,
  SlotUnavailableError,
} from '../domain/appointment.errors';
import { AppointmentRepository, BusyRange } from '../domain/appointment.repository';
import { ScheduleCache, type VersionedSchedule } from './schedule-cache';
import {
  APPOINTMENT_COLUMNS,
  appointmentValues,
  AppointmentRow,
  rowToAppointment,
  SELECT_APPOINTMENT,
  UPDATABLE_COLUMNS,
} from './appointment-row';

const INSERT = `INSERT INTO appointments (${APPOINTMENT_COLUMNS.join(', ')})
  VALUES (${APPOINTMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
/**
 * The same INSERT taking the clinician's lock itself: `booking_lock(id, version)` answers the
 * clinician id after the lock is granted, before the row meets the exclusion constraint, and
 * fails (CB001) when the schedule is no longer at the version judged (parameter
 * `$<columns + 1>`). The lock lasts to the end of the statement's own transaction
 * (migrations/1764000001500-booking-lock.ts, 1764000001700-schedule-version.ts).
 */
const INSERT_LOCKING = INSERT.replace(
  `$${APPOINTMENT_COLUMNS.indexOf('clinician_id') + 1}`,
  `booking_lock($${APPOINTMENT_COLUMNS.indexOf('clinician_id') + 1}, $${APPOINTMENT_COLUMNS.length + 1})`,
);
/** What `booking_lock(id, version)` raises: the schedule changed since it was read. */
const SCHEDULE_CHANGED = 'CB001';
/** Whether the clinician has holds due to expire (not cancelled yet, so still blocking). */
const HAS_DUE_HOLDS = `SELECT EXISTS (SELECT 1 FROM appointments
   WHERE clinician_id = $1 AND status = 'PENDING' AND hold_expires_at <= $2) AS due`;
// $1 the id, $2 the version the row was loaded at, then UPDATABLE_COLUMNS.
const UPDATE = `UPDATE appointments
    SET ${UPDATABLE_COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ')}
  WHERE id = $1 AND version = $2 RETURNING id`;
const LOCK_CLINICIAN = `SELECT booking_lock($1)`;
/**
 * A clinician's schedule (the clinicians context's `clinician_schedules_json`) and live blocked
 * ranges in one statement; the locking variant takes the clinician's advisory lock first and
 * reads with a snapshot taken after it (migrations/1764000001100-slot-read.ts).
 */
const READ_CALENDAR = `SELECT schedule, busy, due_holds FROM booking_calendar($1, $2, $3, $4, $5, $6)`;
const LOCK_AND_READ_CALENDAR = `SELECT schedule, busy, due_holds FROM booking_lock_calendar($1, $2, $3, $4, $5, $6)`;
/** The clinicians context's schedule alone (no busy time): what an optimistic booking judges. */
const READ_SCHEDULE = `SELECT s AS schedule FROM clinician_schedules_json(ARRAY[$1::uuid], $2) s`;

interface CalendarRow {
  schedule: ScheduleJson | null;
  /** `start,end[,startsAt,centreId]` (epoch ms) joined by `;`, in blocked order. */
  busy: string;
  due_holds: boolean;
}

interface Loaded {
  version: number;
  startsAt: number;
  endsAt: number;
}

/**
 * Appointments in PostgreSQL, written with SQL: every write that puts time on a clinician's
 * calendar first takes `pg_advisory_xact_lock` on the clinician (so racing bookings queue
 * instead of forming deadlock chains, see FACTS) and cancels that clinician's expired holds
 * (so they never block, even with the worker down); the exclusion constraint remains the
 * guarantee, and its 23P01 becomes SLOT_UNAVAILABLE here. All statements run on the
 * transaction's own client, so a failed one never costs the pool a connection.
 */
@Injectable()
export class TypeormAppointmentRepository extends AppointmentRepository implements CalendarStore {
  /** The version and time each aggregate was loaded with (optimistic concurrency, moves). */
  private readonly loaded = new WeakMap<Appointment, Loaded>();
  /** Clinicians already locked (and swept) in a transaction, keyed by its manager. */
  private readonly lockedIn = new WeakMap<EntityManager, Set<string>>();
  /** Schedules optimistic bookings judged lately, checked by version when they write. */
  private readonly schedules = new ScheduleCache();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {
    super();
  }

  async findById(id: string): Promise<Appointment | undefined> {
    const [row] = await this.uow.manager().query(`${SELECT_APPOINTMENT} WHERE id = $1`, [id]);
    return row ? this.track(row) : undefined;
  }

  async findByIdForUpdate(id: string): Promise<Appointment | undefined> {
    const [row] = await this.uow
      .manager()
      .query(`${SELECT_APPOINTMENT} WHERE id = $1 FOR UPDATE`, [id]);
    return row ? this.track(row) : undefined;
  }

  async findByIdempotencyKey(creatorId: string, key: string): Promise<Appointment | undefined> {
    const [row] = await this.uow
      .manager()
      .query(`${SELECT_APPOINTMENT} WHERE created_by = $1 AND idempotency_key = $2`, [
        creatorId,
        key,
      ]);
    return row ? this.track(row) : undefined;
  }

  async read(clinicianId: string, window: CalendarWindow): Promise<CalendarRead> {
    if (!isUuid(clinicianId)) return { schedule: undefined, busy: [] };
    return (await this.readCalendar(READ_CALENDAR, clinicianId, window)).calendar;
  }

  withLock<T>(
    clinicianId: string,
    window: CalendarWindow,
    work: (calendar: CalendarRead) => Promise<T>,
  ): Promise<T> {
    return this.uow.run(async (manager) => {
      if (!isUuid(clinicianId)) return work({ schedule: undefined, busy: [] });
      const locked = this.locksOf(manager);
      if (locked.has(clinicianId))
        return work((await this.readCalendar(READ_CALENDAR, clinicianId, window)).calendar);
      // Lock and read in one statement; holds due to expire are left out of `busy` already and
      // cancelled now (rarely any), as lockClinician does, so they never block the insert.
      const { calendar, dueHolds } = await this.readCalendar(
        LOCK_AND_READ_CALENDAR,
        clinicianId,
        window,
      );
      locked.add(clinicianId);
      if (dueHolds) await this.expireHoldsOf(manager, clinicianId);
      return work(calendar);
    });
  }

  /**
   * Books the appointment `decide` makes of the calendar (it throws to refuse). In the caller's
   * transaction: under the lock (`withLock`, then `add`). Otherwise optimistically, without
   * BEGIN/COMMIT round trips: `decide` judges the schedule alone (rules, notice, horizon, time
   * off; no busy time), as this process last read it (ScheduleCache) or reads it now, then the
   * row and its events go in ONE statement that takes the clinician's lock, checks the schedule
   * is still at the version judged, and meets the exclusion constraint, which is the engine's
   * busy check (blocked ranges, buffers included, of live appointments) except for holds that
   * are due but not cancelled yet. So a clash is final when the clinician has no such hold, as
   * is a refusal of `decide` on a fresh read (busy time only ever refuses). A changed schedule,
   * a clash with due holds about, a refusal on a remembered schedule and a daily cap (it counts
   * bookings) take the locked path, which judges again and answers.
   */
  async book(
    clinicianId: string,
    window: CalendarWindow,
    decide: (calendar: CalendarRead) => Appointment,
  ): Promise<Appointment> {
    const locked = () =>
      this.withLock(clinicianId, window, async (calendar) => {
        const appointment = decide(calendar);
        await this.add(appointment);
        return appointment;
      });
    if (this.uow.inTransaction() || !isUuid(clinicianId)) return locked();
    const now = this.clock.now();
    const remembered = this.schedules.get(clinicianId, now.getTime());
    const read = remembered ?? (await this.readSchedule(clinicianId, now));
    if (!read) return locked(); // no such clinician: `decide` refuses under the lock
    if (read.schedule.dailyCap !== null) return locked();
    let appointment: Appointment;
    try {
      appointment = decide({ schedule: read.schedule, busy: [] });
    } catch (error) {
      if (!remembered) throw error;
      this.schedules.forget(clinicianId);
      return locked();
    }
    try {
      await this.insert(appointment, INSERT_LOCKING, [read.version]);
    } catch (error) {
      if (pgErrorOf(error)?.code === SCHEDULE_CHANGED) {
        this.schedules.forget(clinicianId);
        return locked();
      }
      // A clash is final unless a hold that is due (but not cancelled yet) may be what clashed.
      if (error instanceof SlotUnavailableError && (await this.hasDueHolds(clinicianId, now))) {
        return locked();
      }
      throw error;
    }
    return appointment;
  }

  private async hasDueHolds(clinicianId: string, now: Date): Promise<boolean> {
    const { rows } = await this.uow.query<{ due: boolean }>(HAS_DUE_HOLDS, [clinicianId, now]);
    return rows[0].due;
  }

  /** The schedule with its version (the clinicians context's function), remembered. */
  private async readSchedule(
    clinicianId: string,
    now: Date,
  ): Promise<VersionedSchedule | undefined> {
    const {
      rows: [row],
    } = await this.uow.query<{ schedule: ScheduleJson }>(READ_SCHEDULE, [
      clinicianId,
      new Date(now.getTime() - TIME_OFF_LOOKBACK_MS),
    ]);
    if (!row) return undefined;
    const read = {
      schedule: scheduleFromJson(row.schedule),
      version: row.schedule.schedule_version,
    };
    this.schedules.set(clinicianId, read, now.getTime());
    return read;
  }

  private async readCalendar(
    sql: string,
    clinicianId: string,
    { from, to, exceptId }: CalendarWindow,
  ): Promise<{ calendar: CalendarRead; dueHolds: boolean }> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - TIME_OFF_LOOKBACK_MS);
    const {
      rows: [row],
    } = await this.uow.query<CalendarRow>(sql, [
      clinicianId,
      from,
      to,
      now,
      exceptId && isUuid(exceptId) ? exceptId : null,
      since,
    ]);
    return {
      calendar: {
        schedule: row.schedule ? scheduleFromJson(row.schedule) : undefined,
        // Epoch milliseconds straight from SQL: this runs for every slot listing, and turning
        // three timestamps per row into Date objects cost more than the query itself.
        busy: parseBusy(row.busy),
      },
      dueHolds: row.due_holds,
    };
  }

  async add(appointment: Appointment): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.lockClinician(manager, appointment.clinicianId);
      await this.insert(appointment, INSERT);
    });
  }

  /**
   * The row and its events in ONE statement; remembers the version it was written at. `extra`
   * parameters follow the columns' (INSERT_LOCKING's schedule version).
   */
  private async insert(
    appointment: Appointment,
    insert: string,
    extra: unknown[] = [],
  ): Promise<void> {
    const values = appointmentValues(appointment, 0);
    const params = [...APPOINTMENT_COLUMNS.map((c) => values[c]), ...extra];
    const events = appointment.pullEvents();
    if (!events.length) {
      await this.write(insert, params);
    } else {
      // A data-modifying CTE: row and events commit together or not at all, in one round trip.
      const outbox = this.outbox.insertStatement(events, params.length + 1);
      await this.write(`WITH appointment AS (${insert}) ${outbox.sql}`, [
        ...params,
        ...outbox.params,
      ]);
    }
    const s = appointment.snapshot();
    this.loaded.set(appointment, {
      version: 0,
      startsAt: s.startsAt.getTime(),
      endsAt: s.endsAt.getTime(),
    });
  }

  async save(appointment: Appointment): Promise<void> {
    const before = this.loaded.get(appointment);
    if (!before) throw new Error(`appointment ${appointment.id} was not loaded by this repository`);
    const s = appointment.snapshot();
    const moved = s.startsAt.getTime() !== before.startsAt || s.endsAt.getTime() !== before.endsAt;
    await this.uow.run(async (manager) => {
      if (moved) await this.lockClinician(manager, appointment.clinicianId);
      await this.update(appointment, before.version);
      await this.outbox.append(manager, appointment.pullEvents());
    });
    this.loaded.set(appointment, {
      version: before.version + 1,
      startsAt: s.startsAt.getTime(),
      endsAt: s.endsAt.getTime(),
    });
  }

  async expireHolds(limit: number): Promise<number> {
    return this.uow.run(async (manager) => {
      // SKIP LOCKED: the sweep never waits for (or deadlocks with) a booking that is expiring
      // the same holds under its clinician's lock; what it skips, the next pass takes.
      const rows: AppointmentRow[] = await manager.query(
        `${SELECT_APPOINTMENT}
          WHERE status = 'PENDING' AND hold_expires_at <= $1
          ORDER BY hold_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.clock.now(), limit],
      );
      return this.expireRows(manager, rows);
    });
  }

  /** Takes the clinician's lock once per transaction and cancels their expired holds. */
  private async lockClinician(manager: EntityManager, clinicianId: string): Promise<void> {
    const locked = this.locksOf(manager);
    if (locked.has(clinicianId)) return;
    await this.uow.query(LOCK_CLINICIAN, [clinicianId]);
    locked.add(clinicianId);
    await this.expireHoldsOf(manager, clinicianId);
  }

  private locksOf(manager: EntityManager): Set<string> {
    const locked = this.lockedIn.get(manager) ?? new Set<string>();
    this.lockedIn.set(manager, locked);
    return locked;
  }

  /** Cancels the clinician's expired holds (under their lock). */
  private async expireHoldsOf(manager: EntityManager, clinicianId: string): Promise<void> {
    const expired: AppointmentRow[] = await manager.query(
      `${SELECT_APPOINTMENT}
        WHERE clinician_id = $1 AND status = 'PENDING' AND hold_expires_at <= $2
        ORDER BY id FOR UPDATE`,
      [clinicianId, this.clock.now()],
    );
    await this.expireRows(manager, expired);
  }

  private async expireRows(manager: EntityManager, rows: AppointmentRow[]): Promise<number> {
    const now = this.clock.now();
    let expired = 0;
    for (const row of rows) {
      const appointment = rowToAppointment(row);
      if (!appointment.expireHold(now)) continue;
      await this.update(appointment, row.version);
      await this.outbox.append(manager, appointment.pullEvents());
      expired += 1;
    }
    return expired;
  }

  private async update(appointment: Appointment, version: number): Promise<void> {
    const values = appointmentValues(appointment, version + 1);
    const params = [appointment.id, version, ...UPDATABLE_COLUMNS.map((c) => values[c])];
    const result = await this.write(UPDATE, params);
    if (!result.rowCount) throw new ConcurrentModificationError();
  }

  /** A write of the hot path (UnitOfWork.query), its constraint violations as domain errors. */
  private async write(sql: string, params: unknown[]): Promise<SqlResult<unknown>> {
    try {
      return await this.uow.query(sql, params);
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === PG.EXCLUSION_VIOLATION && pg.constraint === 'EXCL_appointments_no_overlap') {
        throw new SlotUnavailableError();
      }
      if (pg?.code === PG.UNIQUE_VIOLATION && pg.constraint === 'UQ_appointments_idempotency') {
        throw new IdempotencyKeyInUseError();
      }
      throw error;
    }
  }

  private track(row: AppointmentRow): Appointment {
    const appointment = rowToAppointment(row);
    this.loaded.set(appointment, {
      version: row.version,
      startsAt: row.starts_at.getTime(),
      endsAt: row.ends_at.getTime(),
    });
    return appointment;
  }
}

/**
 * The blocked ranges `booking_calendar` answers as text: `start,end[,startsAt,centreId]` (epoch
 * ms) joined by `;` (migrations/1764000001100-slot-read.ts).
 */
function parseBusy(text: string): BusyRange[] {
  if (!text) return [];
  return text.split(';').map((entry) => {
    const [start, end, startsAt, centreId] = entry.split(',');
    return startsAt === undefined
      ? { start: Number(start), end: Number(end) }
      : { start: Number(start), end: Number(end), startsAt: Number(startsAt), centreId };
  });
}
