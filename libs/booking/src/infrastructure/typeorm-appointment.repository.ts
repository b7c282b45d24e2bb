import { Clock, OutboxWriter, PG, pgErrorOf, UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Appointment } from '../domain/appointment';
import {
  ConcurrentModificationError,
  IdempotencyKeyInUseError,
  SlotUnavailableError,
} from '../domain/appointment.errors';
import { AppointmentRepository, BusyRange } from '../domain/appointment.repository';
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
// $1 the id, $2 the version the row was loaded at, then UPDATABLE_COLUMNS.
const UPDATE = `UPDATE appointments
    SET ${UPDATABLE_COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ')}
  WHERE id = $1 AND version = $2 RETURNING id`;
const LOCK_CLINICIAN = `SELECT pg_advisory_xact_lock(hashtextextended('appointments:' || $1::text, 0))`;

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
export class TypeormAppointmentRepository extends AppointmentRepository {
  /** The version and time each aggregate was loaded with (optimistic concurrency, moves). */
  private readonly loaded = new WeakMap<Appointment, Loaded>();
  /** Clinicians already locked (and swept) in a transaction, keyed by its manager. */
  private readonly lockedIn = new WeakMap<EntityManager, Set<string>>();

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

  withClinicianLock<T>(clinicianId: string, work: () => Promise<T>): Promise<T> {
    return this.uow.run(async (manager) => {
      await this.lockClinician(manager, clinicianId);
      return work();
    });
  }

  async busyRanges(
    clinicianId: string,
    from: Date,
    to: Date,
    exceptId?: string,
  ): Promise<BusyRange[]> {
    // Epoch milliseconds straight from SQL: this runs for every slot listing, and turning three
    // timestamps per row into Date objects cost more than the query itself.
    const rows: Array<{ id: string; centre_id: string; starts_ms: string; b_start_ms: string; b_end_ms: string }> =
      await this.uow.manager().query(
        `SELECT id, centre_id,
                (extract(epoch FROM starts_at) * 1000)::bigint AS starts_ms,
                (extract(epoch FROM lower(blocked)) * 1000)::bigint AS b_start_ms,
                (extract(epoch FROM upper(blocked)) * 1000)::bigint AS b_end_ms
           FROM appointments
          WHERE clinician_id = $1
            AND blocked && tstzrange($2, $3, '[)')
            AND status <> 'CANCELLED'
            AND (status <> 'PENDING' OR hold_expires_at > $4)
            AND ($5::uuid IS NULL OR id <> $5::uuid)
          ORDER BY lower(blocked)`,
        [clinicianId, from, to, this.clock.now(), exceptId ?? null],
      );
    return rows.map((r) => ({
      appointmentId: r.id,
      centreId: r.centre_id,
      startsAt: Number(r.starts_ms),
      start: Number(r.b_start_ms),
      end: Number(r.b_end_ms),
    }));
  }

  async add(appointment: Appointment): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.lockClinician(manager, appointment.clinicianId);
      const values = appointmentValues(appointment, 0);
      await this.write(
        manager,
        INSERT,
        APPOINTMENT_COLUMNS.map((c) => values[c]),
      );
      await this.outbox.append(manager, appointment.pullEvents());
    });
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
      await this.update(manager, appointment, before.version);
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
    const locked = this.lockedIn.get(manager) ?? new Set<string>();
    this.lockedIn.set(manager, locked);
    if (locked.has(clinicianId)) return;
    await manager.query(LOCK_CLINICIAN, [clinicianId]);
    locked.add(clinicianId);
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
      await this.update(manager, appointment, row.version);
      await this.outbox.append(manager, appointment.pullEvents());
      expired += 1;
    }
    return expired;
  }

  private async update(
    manager: EntityManager,
    appointment: Appointment,
    version: number,
  ): Promise<void> {
    const values = appointmentValues(appointment, version + 1);
    const params = [appointment.id, version, ...UPDATABLE_COLUMNS.map((c) => values[c])];
    const result = await this.write(manager, UPDATE, params);
    if (!updatedRows(result)) throw new ConcurrentModificationError();
  }

  private async write(manager: EntityManager, sql: string, params: unknown[]): Promise<unknown> {
    try {
      return await manager.query(sql, params);
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

/** Rows an UPDATE ... RETURNING touched (TypeORM answers `[rows, count]` for updates). */
function updatedRows(result: unknown): number {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0].length;
  return Array.isArray(result) ? result.length : 0;
}
