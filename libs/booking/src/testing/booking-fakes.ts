import { Actor, AuditEntry, AuditLog, Clock, UnitOfWork } from '@carebook/core';
import type { EntityManager } from 'typeorm';
import { BookingPolicy } from '../application/booking-policy';
import { ClinicianCalendar } from '../application/clinician-calendar';
import { AppointmentMover } from '../application/commands/reschedule-appointment/appointment-mover';
import { CalendarRead, CalendarStore, CalendarWindow } from '../application/ports/calendar-store';
import { CentreZones } from '../application/ports/centre-zones';
import type { ClinicianSchedule } from '../application/ports/clinician-schedules';
import { PatientCard, PatientDirectory } from '../application/ports/patient-directory';
import { Appointment, AppointmentState } from '../domain/appointment';
import { IdempotencyKeyInUseError, SlotUnavailableError } from '../domain/appointment.errors';
import { AppointmentRepository, BusyRange } from '../domain/appointment.repository';

/** Spec-only stand-ins for booking's ports (not exported from the barrel). */

const blockedOf = (s: Readonly<AppointmentState>) => ({
  start: s.startsAt.getTime() - s.bufferBeforeMinutes * 60_000,
  end: s.endsAt.getTime() + s.bufferAfterMinutes * 60_000,
});

/**
 * Keeps snapshots like rows; enforces what the database does (no overlap of live blocked
 * ranges per clinician, one idempotency key per creator) and expires holds lazily.
 */
export class InMemoryAppointments extends AppointmentRepository {
  readonly rows = new Map<string, AppointmentState>();
  readonly events: string[] = [];

  constructor(private readonly clock: Clock) {
    super();
  }

  async findById(id: string) {
    const row = this.rows.get(id);
    return row && Appointment.restore(row);
  }
  findByIdForUpdate(id: string) {
    return this.findById(id);
  }
  async findByIdempotencyKey(creatorId: string, key: string) {
    const row = [...this.rows.values()].find(
      (r) => r.createdBy.id === creatorId && r.idempotencyKey === key,
    );
    return row && Appointment.restore(row);
  }
  async withClinicianLock<T>(clinicianId: string, work: () => Promise<T>): Promise<T> {
    await this.expire((r) => r.clinicianId === clinicianId);
    return work();
  }
  async busyRanges(
    clinicianId: string,
    from: Date,
    to: Date,
    exceptId?: string,
  ): Promise<BusyRange[]> {
    const now = this.clock.now().getTime();
    return [...this.rows.values()]
      .filter((r) => r.clinicianId === clinicianId && r.id !== exceptId && this.live(r, now))
      .map((r) => ({
        centreId: r.centreId,
        startsAt: r.startsAt.getTime(),
        ...blockedOf(r),
      }))
      .filter((b) => b.start < to.getTime() && b.end > from.getTime());
  }
  async add(appointment: Appointment) {
    const s = appointment.snapshot();
    await this.expire((r) => r.clinicianId === s.clinicianId);
    if (s.idempotencyKey && (await this.findByIdempotencyKey(s.createdBy.id, s.idempotencyKey))) {
      throw new IdempotencyKeyInUseError();
    }
    this.assertFree(s);
    this.events.push(...appointment.pullEvents().map((e) => e.eventName));
    this.rows.set(s.id, s);
  }
  async save(appointment: Appointment) {
    const s = appointment.snapshot();
    this.assertFree(s);
    this.events.push(...appointment.pullEvents().map((e) => e.eventName));
    this.rows.set(s.id, s);
  }
  async expireHolds(limit: number) {
    return this.expire(() => true, limit);
  }

  private live(r: AppointmentState, now: number): boolean {
    return (
      r.status !== 'CANCELLED' && !(r.status === 'PENDING' && r.holdExpiresAt!.getTime() <= now)
    );
  }
  private assertFree(s: Readonly<AppointmentState>): void {
    if (s.status === 'CANCELLED') return;
    const mine = blockedOf(s);
    const clash = [...this.rows.values()].some((r) => {
      if (r.id === s.id || r.clinicianId !== s.clinicianId || r.status === 'CANCELLED')
        return false;
      const other = blockedOf(r);
      return other.start < mine.end && mine.start < other.end;
    });
    if (clash) throw new SlotUnavailableError();
  }
  private async expire(which: (r: AppointmentState) => boolean, limit = Infinity): Promise<number> {
    let n = 0;
    for (const row of [...this.rows.values()].filter(which)) {
      if (n >= limit) break;
      const a = Appointment.restore(row);
      if (!a.expireHold(this.clock.now())) continue;
      await this.save(a);
      n += 1;
    }
    return n;
  }
}

/** Schedules by clinician id (what `clinician_schedules_json` answers in the database). */
export class FakeSchedules {
  readonly schedules = new Map<string, ClinicianSchedule>();
  async get(id: string) {
    return this.schedules.get(id);
  }
}

/** The schedule from FakeSchedules beside the busy ranges of InMemoryAppointments. */
export class FakeCalendarStore extends CalendarStore {
  constructor(
    private readonly appointments: InMemoryAppointments,
    private readonly schedules: FakeSchedules,
  ) {
    super();
  }
  async read(clinicianId: string, { from, to, exceptId }: CalendarWindow): Promise<CalendarRead> {
    return {
      schedule: await this.schedules.get(clinicianId),
      busy: await this.appointments.busyRanges(clinicianId, from, to, exceptId),
    };
  }
  withLock<T>(
    clinicianId: string,
    window: CalendarWindow,
    work: (calendar: CalendarRead) => Promise<T>,
  ): Promise<T> {
    return this.appointments.withClinicianLock(clinicianId, async () =>
      work(await this.read(clinicianId, window)),
    );
  }
  book(
    clinicianId: string,
    window: CalendarWindow,
    decide: (calendar: CalendarRead) => Appointment,
  ): Promise<Appointment> {
    return this.withLock(clinicianId, window, async (calendar) => {
      const appointment = decide(calendar);
      await this.appointments.add(appointment);
      return appointment;
    });
  }
}

export class FakePatients extends PatientDirectory {
  readonly patients = new Map<string, PatientCard>();
  readonly registered: Array<{ actor: Actor; fullName: string; phone: string }> = [];
  async find(id: string) {
    return this.patients.get(id);
  }
  async namesOf(ids: readonly string[]) {
    return new Map(
      ids.filter((id) => this.patients.has(id)).map((id) => [id, this.patients.get(id)!.fullName]),
    );
  }
  async register(actor: Actor, patient: { fullName: string; phone: string }) {
    const card = { id: `new-${this.registered.length + 1}`, fullName: patient.fullName };
    this.registered.push({ actor, ...patient });
    this.patients.set(card.id, card);
    return card;
  }
}

export class FakeZones extends CentreZones {
  readonly zones = new Map<string, string>();
  async timeZoneOf(centreId: string) {
    return this.zones.get(centreId);
  }
}

/** Runs work directly (the in-memory repository needs no transaction). */
export class FakeUnitOfWork {
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work({} as EntityManager);
  }
}

export class FakeAuditLog {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry) {
    this.entries.push(entry);
  }
  async recordNow(entry: AuditEntry) {
    this.entries.push(entry);
  }
}

/** A Monday-to-Friday 09:00-13:00 IST, 30-minute, ₹800 clinician at centre `ctr-a`. */
export function scheduleOf(overrides: Partial<ClinicianSchedule> = {}): ClinicianSchedule {
  const centreId = overrides.centres?.[0]?.centreId ?? 'ctr-a';
  return {
    clinicianId: 'clin-1',
    userId: 'user-doc',
    isActive: true,
    fee: { amount: 80000, currency: 'INR' },
    slotMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 120,
    horizonDays: 60,
    dailyCap: null,
    centres: [{ centreId, timeZone: 'Asia/Kolkata' }],
    rules: [1, 2, 3, 4, 5].map((dayOfWeek) => ({
      dayOfWeek,
      startTime: '09:00',
      endTime: '13:00',
      centreId,
      sessionType: 'IN_PERSON' as const,
      timeZone: 'Asia/Kolkata',
    })),
    timeOff: [],
    ...overrides,
  };
}

/** Everything a booking handler needs, wired with fakes. */
export function bookingWorld(now = new Date('2026-03-02T00:00:00Z')) {
  const clock = new (class extends Clock {
    at = now;
    now() {
      return new Date(this.at);
    }
  })();
  const appointments = new InMemoryAppointments(clock);
  const schedules = new FakeSchedules();
  const patients = new FakePatients();
  const zones = new FakeZones();
  const policy = new BookingPolicy();
  const calendar = new ClinicianCalendar(new FakeCalendarStore(appointments, schedules), clock);
  const uow = new FakeUnitOfWork() as unknown as UnitOfWork;
  const audit = new FakeAuditLog();
  const mover = new AppointmentMover(appointments, calendar, policy, clock);
  schedules.schedules.set('clin-1', scheduleOf());
  patients.patients.set('pat-1', { id: 'pat-1', fullName: 'Asha Rao' });
  patients.patients.set('pat-2', { id: 'pat-2', fullName: 'Vikram Iyer' });
  zones.zones.set('ctr-a', 'Asia/Kolkata');
  return {
    clock,
    appointments,
    schedules,
    patients,
    zones,
    policy,
    calendar,
    uow,
    audit: audit as unknown as AuditLog & FakeAuditLog,
    mover,
  };
}
