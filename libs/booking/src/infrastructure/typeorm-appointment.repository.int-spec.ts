import { dataSourceOptions, OutboxWriter, Role, UnitOfWork } from '@carebook/core';
import { BookingParties, FixedClock, seedBookingParties } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { BookingPolicy } from '../application/booking-policy';
import { ClinicianCalendar } from '../application/clinician-calendar';
import type { CalendarRead } from '../application/ports/calendar-store';
import { AppointmentMover } from '../application/commands/reschedule-appointment/appointment-mover';
import { Appointment, NewAppointment } from '../domain/appointment';
import { SlotUnavailableError } from '../domain/appointment.errors';
import { TypeormAppointmentRepository } from './typeorm-appointment.repository';

const MIN = 60_000;
// In the past on purpose: the sweep below cancels every hold expired by this clock, and the
// database is shared with parallel suites whose holds expire in real time.
const base = new Date('2001-05-05T04:30:00Z');
const at = (minutes: number) => new Date(base.getTime() + minutes * MIN);

describe('TypeormAppointmentRepository (PostgreSQL: lock, lazy expiry, exclusion constraint)', () => {
  let db: DataSource;
  let clock: FixedClock;
  let repo: TypeormAppointmentRepository;
  let uow: UnitOfWork;

  beforeAll(async () => {
    // A pool wide enough for real contention: 20 connections racing, as in FACTS.
    db = await new DataSource({
      ...dataSourceOptions(
        { url: process.env.DATABASE_URL!, poolSize: 20 },
        'carebook-test-booking',
      ),
    }).initialize();
    clock = new FixedClock(at(-24 * 60));
    uow = new UnitOfWork(db);
    repo = new TypeormAppointmentRepository(uow, new OutboxWriter(), clock);
  });
  afterAll(() => db.destroy());

  const book = (p: BookingParties, startMinute: number, overrides: Partial<NewAppointment> = {}) =>
    Appointment.book(
      {
        patientId: p.patientIds[0],
        patientName: 'Patient 1',
        clinicianId: p.clinicianId,
        clinicianUserId: p.clinicianUserId,
        centreId: p.centreId,
        startsAt: at(startMinute),
        endsAt: at(startMinute + 30),
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        sessionType: 'IN_PERSON',
        fee: { amount: 80000, currency: 'INR' },
        source: 'FRONT_DESK',
        createdBy: { kind: 'staff', id: p.clinicianUserId },
        ...overrides,
      },
      clock.now(),
    );
  const busyOf = async (clinicianId: string, from: Date, to: Date) =>
    (await repo.read(clinicianId, { from, to })).busy;
  /** Exactly one of the attempts succeeded; every other one was refused with SLOT_UNAVAILABLE. */
  const expectOneWinner = (results: PromiseSettledResult<unknown>[]) => {
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const errors = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason);
    expect(errors).toHaveLength(results.length - 1);
    expect(errors.every((e) => e instanceof SlotUnavailableError)).toBe(true);
  };
  /** A 15-minute online hold at `startMinute`, stored. */
  const addHold = async (p: BookingParties, startMinute: number) => {
    const hold = book(p, startMinute, {
      source: 'ONLINE',
      holdExpiresAt: new Date(clock.now().getTime() + 15 * MIN),
    });
    await repo.add(hold);
    return hold;
  };
  const live = async (clinicianId: string) =>
    (await db.query(
      `SELECT id, starts_at FROM appointments WHERE clinician_id = $1 AND status <> 'CANCELLED' ORDER BY starts_at`,
      [clinicianId],
    )) as Array<{
      id: string;
      starts_at: Date;
    }>;

  it('stores an appointment with its event and reloads it', async () => {
    const p = await seedBookingParties(db);
    const a = book(p, 0, { reason: 'fever', holdExpiresAt: at(-24 * 60 + 15) });
    await repo.add(a);
    const loaded = await repo.findById(a.id);
    expect(loaded?.snapshot()).toEqual(a.snapshot());
    const [row] = await db.query(
      `SELECT lower(blocked) AS lo, upper(blocked) AS hi FROM appointments WHERE id = $1`,
      [a.id],
    );
    expect([row.lo, row.hi]).toEqual([at(0), at(30)]);
    const outbox = await db.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1`, [
      a.id,
    ]);
    expect(outbox).toEqual([
      {
        type: 'booking.AppointmentBooked',
        payload: expect.objectContaining({ patientName: 'Patient 1', reason: 'fever' }),
      },
    ]);
  });

  it('gives exactly one of 200 concurrent bookings of one slot, and SLOT_UNAVAILABLE to the 199 others', async () => {
    const p = await seedBookingParties(db);
    const pool = (
      db.driver as unknown as {
        master: { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
      }
    ).master;
    let connects = 0;
    const count = () => void (connects += 1);
    pool.on('connect', count);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => repo.add(book(p, 60))),
    );
    pool.off('connect', count);
    // The losers fail on the transaction's own client, which goes back to the pool intact.
    expect(connects).toBeLessThanOrEqual(20);
    expectOneWinner(results);
    expect(await live(p.clinicianId)).toHaveLength(1);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM appointments WHERE clinician_id = $1`,
      [p.clinicianId],
    );
    expect(n).toBe(1);
  });

  it('reads the calendar under the lock: of 200 concurrent check-then-book attempts of one slot, one books and 199 see it taken', async () => {
    const p = await seedBookingParties(db);
    const window = { from: at(-24 * 60), to: at(24 * 60) };
    let sawItTaken = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        repo.withLock(p.clinicianId, window, async ({ schedule, busy }) => {
          expect(schedule?.clinicianId).toBe(p.clinicianId);
          // The read happens after the lock is granted, with a fresh snapshot: every loser sees
          // the winner's committed row here, none has to be stopped by the constraint.
          if (busy.some((b) => b.start < at(90).getTime() && b.end > at(60).getTime())) {
            sawItTaken += 1;
            throw new SlotUnavailableError();
          }
          await repo.add(book(p, 60));
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(sawItTaken).toBe(199);
    expect(await live(p.clinicianId)).toHaveLength(1);
  });

  it('answers the schedule and busy ranges in one read, and cancels due holds under the lock', async () => {
    const p = await seedBookingParties(db);
    const hold = await addHold(p, 0);
    await repo.add(book(p, 60, { bufferAfterMinutes: 10 }));
    const window = { from: at(-60), to: at(180) };
    const read = await repo.read(p.clinicianId, window);
    expect(read.schedule).toMatchObject({
      clinicianId: p.clinicianId,
      isActive: true,
      slotMinutes: 30,
      dailyCap: null,
    });
    expect(read.busy).toEqual([
      { start: at(0).getTime(), end: at(30).getTime() },
      { start: at(60).getTime(), end: at(100).getTime() },
    ]);
    // With a daily cap, each range also carries its start and centre (bookings per local day).
    await db.query(`UPDATE clinicians SET daily_cap = 8 WHERE id = $1`, [p.clinicianId]);
    expect((await repo.read(p.clinicianId, window)).busy).toEqual([
      {
        start: at(0).getTime(),
        end: at(30).getTime(),
        startsAt: at(0).getTime(),
        centreId: p.centreId,
      },
      {
        start: at(60).getTime(),
        end: at(100).getTime(),
        startsAt: at(60).getTime(),
        centreId: p.centreId,
      },
    ]);
    expect((await repo.read(p.clinicianId, { ...window, exceptId: hold.id })).busy).toHaveLength(1);
    expect(await repo.read('9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11', window)).toEqual({
      schedule: undefined,
      busy: [],
    });

    clock.advance(15 * MIN);
    try {
      const seen = await repo.withLock(p.clinicianId, window, async ({ busy }) => busy);
      expect(seen.map((b) => b.start)).toEqual([at(60).getTime()]);
      expect((await repo.findById(hold.id))!.snapshot()).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'HOLD_EXPIRED',
      });
    } finally {
      clock.set(at(-24 * 60));
    }
  });

  it('gives exactly one of 200 concurrent reschedules into one slot; the others keep their time', async () => {
    const p = await seedBookingParties(db);
    const appointments = Array.from({ length: 200 }, (_, i) => book(p, 24 * 60 + i * 30));
    for (const a of appointments) await repo.add(a);
    const target = {
      startsAt: at(0),
      endsAt: at(30),
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    };
    const results = await Promise.allSettled(
      appointments.map((a) =>
        repo.withLock(p.clinicianId, { from: at(-60), to: at(60) }, async () => {
          const fresh = await repo.findByIdForUpdate(a.id);
          fresh!.reschedule(target, clock.now(), { kind: 'staff', patientCutoffMinutes: 120 });
          await repo.save(fresh!);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const errors = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason);
    expect(errors.every((e) => e instanceof SlotUnavailableError)).toBe(true);
    const rows = await live(p.clinicianId);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.starts_at.getTime() === at(0).getTime())).toHaveLength(1);
    // The 199 losers are where they were.
    const winner = rows[0].id;
    const unmoved = appointments.filter((a) => a.id !== winner);
    const byId = new Map(rows.map((r) => [r.id, r.starts_at.getTime()]));
    expect(unmoved.every((a) => byId.get(a.id) === a.snapshot().startsAt.getTime())).toBe(true);
  });

  it('gives exactly one of 200 concurrent moves (AppointmentMover: lock and calendar in one statement) into one slot', async () => {
    const p = await seedBookingParties(db);
    // Open round the clock, every day, so that only the bookings decide.
    await db.query(
      `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
       SELECT $1, $2, d, 0, 1440, 'IN_PERSON' FROM generate_series(0, 6) d`,
      [p.clinicianId, p.centreId],
    );
    const appointments = Array.from({ length: 200 }, (_, i) => book(p, 24 * 60 + i * 30));
    for (const a of appointments) await repo.add(a);
    const mover = new AppointmentMover(
      repo,
      new ClinicianCalendar(repo, clock),
      new BookingPolicy(),
      clock,
    );
    const admin = {
      kind: 'staff' as const,
      id: p.clinicianUserId,
      role: Role.ADMIN,
      centreIds: [],
    };
    const results = await Promise.allSettled(
      appointments.map((a) => mover.move(admin, a.id, at(0))),
    );
    expectOneWinner(results);
    const rows = await live(p.clinicianId);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.starts_at.getTime() === at(0).getTime())).toHaveLength(1);
  });

  it('moves atomically: a clash leaves the old time taken and nothing changed', async () => {
    const p = await seedBookingParties(db);
    const a = book(p, 0);
    const b = book(p, 60);
    await repo.add(a);
    await repo.add(b);
    const loaded = (await repo.findById(b.id))!;
    loaded.reschedule(
      { startsAt: at(15), endsAt: at(45), bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
      clock.now(),
      {
        kind: 'staff',
        patientCutoffMinutes: 120,
      },
    );
    await expect(repo.save(loaded)).rejects.toBeInstanceOf(SlotUnavailableError);
    expect((await repo.findById(b.id))!.snapshot().startsAt).toEqual(at(60));
    // Overlapping its own old time is fine: only other appointments count.
    const again = (await repo.findById(b.id))!;
    again.reschedule(
      { startsAt: at(75), endsAt: at(105), bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
      clock.now(),
      {
        kind: 'staff',
        patientCutoffMinutes: 120,
      },
    );
    await repo.save(again);
    expect((await repo.findById(b.id))!.snapshot().startsAt).toEqual(at(75));
    const events = await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [
      b.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'booking.AppointmentBooked',
      'booking.AppointmentRescheduled',
    ]);
  });

  it('lets back-to-back [) appointments both stand', async () => {
    const p = await seedBookingParties(db);
    await repo.add(book(p, 0));
    await repo.add(book(p, 30));
    await repo.add(book(p, -30));
    expect(await live(p.clinicianId)).toHaveLength(3);
  });

  it('respects buffers: the blocked range is the time widened by them', async () => {
    const p = await seedBookingParties(db);
    await repo.add(book(p, 0, { bufferBeforeMinutes: 5, bufferAfterMinutes: 10 }));
    await expect(repo.add(book(p, 30))).rejects.toBeInstanceOf(SlotUnavailableError); // inside the 10 min after
    await expect(repo.add(book(p, -30))).rejects.toBeInstanceOf(SlotUnavailableError); // ends inside the 5 min before
    await repo.add(book(p, 40));
    await repo.add(book(p, -35));
    expect(await live(p.clinicianId)).toHaveLength(3);
    const busy = await busyOf(p.clinicianId, at(-60), at(120));
    expect(busy.map((b) => [b.start, b.end])).toEqual([
      [at(-35).getTime(), at(-5).getTime()],
      [at(-5).getTime(), at(40).getTime()],
      [at(40).getTime(), at(70).getTime()],
    ]);
  });

  it('never lets an expired hold block: the next booking cancels it first, with its event', async () => {
    const p = await seedBookingParties(db);
    const hold = await addHold(p, 0);
    await expect(repo.add(book(p, 0))).rejects.toBeInstanceOf(SlotUnavailableError);
    expect(await busyOf(p.clinicianId, at(0), at(30))).toHaveLength(1);

    clock.advance(15 * MIN);
    expect(await busyOf(p.clinicianId, at(0), at(30))).toEqual([]); // reads ignore it at once
    const next = book(p, 0);
    await repo.add(next);
    expect((await repo.findById(hold.id))!.snapshot()).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'SYSTEM',
      cancelReason: 'HOLD_EXPIRED',
    });
    const events = await db.query(
      `SELECT type, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq`,
      [hold.id],
    );
    expect(events[1]).toEqual({
      type: 'booking.AppointmentCancelled',
      payload: expect.objectContaining({ previousStatus: 'PENDING', reason: 'HOLD_EXPIRED' }),
    });
    clock.set(at(-24 * 60));
  });

  describe('book() outside a transaction (optimistic: schedule, then one locking INSERT)', () => {
    const window = { from: at(-24 * 60), to: at(24 * 60) };
    /** Books at `minute` whatever the calendar says, recording what each call was shown. */
    const bookAt = (p: BookingParties, minute: number, seen: Array<number | 'no-busy'>) =>
      repo.book(p.clinicianId, window, ({ schedule, busy }) => {
        expect(schedule?.clinicianId).toBe(p.clinicianId);
        seen.push(busy.length ? busy.length : 'no-busy');
        return book(p, minute);
      });

    it('gives exactly one of 200 concurrent bookings of one slot; the clash refuses the others at once', async () => {
      const p = await seedBookingParties(db);
      const seen: Array<number | 'no-busy'> = [];
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, () => bookAt(p, 60, seen)),
      );
      expectOneWinner(results);
      // 200 optimistic judgements without busy time; the exclusion constraint settles the rest
      // (no hold is due, so a clash is with a live appointment: nothing to judge again).
      expect(seen).toEqual(Array.from({ length: 200 }, () => 'no-busy'));
      expect(await live(p.clinicianId)).toHaveLength(1);
    });

    it('writes the row and its event without a transaction of its own, under the clinician lock', async () => {
      const p = await seedBookingParties(db);
      const seen: Array<number | 'no-busy'> = [];
      const a = await bookAt(p, 0, seen);
      expect(seen).toEqual(['no-busy']);
      expect((await repo.findById(a.id))?.snapshot()).toEqual(a.snapshot());
      const events = await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1`, [a.id]);
      expect(events).toEqual([{ type: 'booking.AppointmentBooked' }]);
      // The lock is the one every calendar write takes: held elsewhere, the INSERT waits for it.
      const holder = db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT booking_lock($1)`, [p.clinicianId]);
      let done = false;
      const waiting = bookAt(p, 60, seen).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await holder.commitTransaction();
      await holder.release();
      await waiting;
      expect(await live(p.clinicianId)).toHaveLength(2);
    });

    it('judges on the schedule it remembers; one changed since (by any process) refuses the write and is judged again under the lock', async () => {
      const p = await seedBookingParties(db);
      const seen: string[] = [];
      /** Refuses a start inside the clinician's time off; records how it judged. */
      const respectingTimeOff = (minute: number) => (calendar: CalendarRead) => {
        const start = at(minute).getTime();
        const off = calendar.schedule!.timeOff.some(
          (t) =>
            new Date(t.startsAt).getTime() < start + 30 * MIN &&
            new Date(t.endsAt).getTime() > start,
        );
        seen.push(`${minute}:${off ? 'off' : 'free'}`);
        if (off) throw new SlotUnavailableError();
        return book(p, minute);
      };
      const addTimeOff = () =>
        db.query(
          `INSERT INTO clinician_time_off (clinician_id, during, reason) VALUES ($1, tstzrange($2, $3), 'leave')`,
          [p.clinicianId, at(60), at(90)],
        );
      await repo.book(p.clinicianId, window, respectingTimeOff(0)); // read and remembered
      await addTimeOff();
      await expect(repo.book(p.clinicianId, window, respectingTimeOff(60))).rejects.toBeInstanceOf(
        SlotUnavailableError,
      );
      // Judged free on the remembered schedule, refused by the version check, judged again.
      expect(seen).toEqual(['0:free', '60:free', '60:off']);
      expect(await live(p.clinicianId)).toHaveLength(1);

      // The other way round: a refusal on a remembered schedule is judged again on a fresh one.
      seen.length = 0;
      await expect(repo.book(p.clinicianId, window, respectingTimeOff(60))).rejects.toBeInstanceOf(
        SlotUnavailableError,
      ); // remembers the time off now
      await db.query(`DELETE FROM clinician_time_off WHERE clinician_id = $1`, [p.clinicianId]);
      await repo.book(p.clinicianId, window, respectingTimeOff(60));
      expect(seen).toEqual(['60:off', '60:off', '60:free']);
      expect(await live(p.clinicianId)).toHaveLength(2);
    });

    it('books over a hold that is due but not yet cancelled: the clash sends it to the locked path, which cancels the hold', async () => {
      const p = await seedBookingParties(db);
      const hold = await addHold(p, 0);
      clock.advance(15 * MIN);
      try {
        const seen: Array<number | 'no-busy'> = [];
        const next = await bookAt(p, 0, seen);
        // Optimistic first (the INSERT clashes with the due hold, so it is judged again), then
        // under the lock, where the due hold is cancelled and left out of the busy time.
        expect(seen).toEqual(['no-busy', 'no-busy']);
        expect((await repo.findById(hold.id))!.snapshot()).toMatchObject({
          status: 'CANCELLED',
          cancelReason: 'HOLD_EXPIRED',
        });
        expect((await live(p.clinicianId)).map((r) => r.id)).toEqual([next.id]);
      } finally {
        clock.set(at(-24 * 60));
      }
    });

    it('judges under the lock with the busy time when the clinician has a daily cap (it counts bookings)', async () => {
      const p = await seedBookingParties(db);
      await db.query(`UPDATE clinicians SET daily_cap = 5 WHERE id = $1`, [p.clinicianId]);
      await repo.add(book(p, 0));
      const seen: Array<number | 'no-busy'> = [];
      await bookAt(p, 60, seen);
      expect(seen).toEqual([1]);
    });

    it("joins the caller's transaction under the lock, and leaves nothing when it rolls back", async () => {
      const p = await seedBookingParties(db);
      await repo.add(book(p, 0));
      const seen: Array<number | 'no-busy'> = [];
      await expect(
        uow.run(async () => {
          await bookAt(p, 60, seen);
          throw new Error('the rest of the use case failed');
        }),
      ).rejects.toThrow('the rest of the use case failed');
      expect(seen).toEqual([1]);
      expect(await live(p.clinicianId)).toHaveLength(1);
    });
  });

  it('sweeps expired holds of any clinician, skipping rows a booking has locked, once', async () => {
    const p = await seedBookingParties(db);
    const hold = book(p, 0, {
      source: 'ONLINE',
      holdExpiresAt: new Date(clock.now().getTime() + MIN),
    });
    await repo.add(hold);
    clock.advance(2 * MIN);
    let swept = 0;
    for (;;) {
      const n = await repo.expireHolds(500);
      swept += n;
      if (n < 500) break;
    }
    expect(swept).toBeGreaterThanOrEqual(1);
    expect((await repo.findById(hold.id))!.status).toBe('CANCELLED');
    expect(await repo.expireHolds(500)).toBe(0);
    clock.set(at(-24 * 60));
  });

  it('refuses a stale save (optimistic version)', async () => {
    const p = await seedBookingParties(db);
    const a = book(p, 0);
    await repo.add(a);
    const first = (await repo.findById(a.id))!;
    const second = (await repo.findById(a.id))!;
    first.checkIn(clock.now());
    await repo.save(first);
    second.markNoShow(at(1));
    await expect(repo.save(second)).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
    // The tracked version moves on with each save.
    first.start(clock.now());
    await repo.save(first);
    expect((await repo.findById(a.id))!.status).toBe('IN_PROGRESS');
  });
});
