import { NotFoundError, OutboxWriter, PG, pgErrorOf, UnitOfWork } from '@carebook/core';
import { FixedClock, openTestDataSource } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { Clinician } from '../../../domain/clinician';
import { ClinicianOrmEntity } from '../../../infrastructure/clinician.orm-entity';
import { TypeormClinicianRepository } from '../../../infrastructure/typeorm-clinician.repository';
import { insertCentres, insertClinicianUser } from '../../../testing/clinician-db-fixtures';
import { GetClinicianScheduleHandler } from '../get-clinician-schedule/get-clinician-schedule.handler';
import { GetClinicianSchedule } from '../get-clinician-schedule/get-clinician-schedule.query';
import { GetClinicianSchedulesHandler } from './get-clinician-schedules.handler';
import { GetClinicianSchedules } from './get-clinician-schedules.query';

const now = new Date('2026-03-01T09:00:00Z');
const UNKNOWN = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11';
const rule = (
  dayOfWeek: number,
  startTime: string,
  endTime: string,
  centreId: string,
  sessionType = 'IN_PERSON',
) => ({
  dayOfWeek,
  startTime,
  endTime,
  centreId,
  sessionType,
});

describe('GetClinicianSchedule(s) and the availability constraints (PostgreSQL)', () => {
  let db: DataSource;
  let repo: TypeormClinicianRepository;
  let batch: GetClinicianSchedulesHandler;
  let single: GetClinicianScheduleHandler;
  let kolkata: string;
  let london: string;
  let closed: string;
  const clock = new FixedClock(now);
  const register = async (primary: string, others: string[], settings = {}) =>
    Clinician.register(
      {
        userId: await insertClinicianUser(db),
        profile: {
          specializations: ['Dermatology'],
          qualifications: [],
          languages: ['English'],
          yearsOfExperience: 5,
          fee: { amount: 70000, currency: 'INR' },
          consultationDurationMinutes: 30,
          bio: null,
          photoUrl: null,
        },
        settings,
        primaryCentreId: primary,
        centreIds: others,
        city: 'Testpur',
      },
      now,
    );
  /** Runs a statement expected to fail and answers its SQLSTATE and constraint. */
  const failureOf = async (sql: string, params: unknown[]) => {
    const runner = db.createQueryRunner();
    try {
      await runner.query(sql, params);
      return undefined;
    } catch (error) {
      return pgErrorOf(error);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    db = await openTestDataSource([ClinicianOrmEntity]);
    const uow = new UnitOfWork(db);
    repo = new TypeormClinicianRepository(uow, new OutboxWriter());
    batch = new GetClinicianSchedulesHandler(uow, clock);
    single = new GetClinicianScheduleHandler(uow, clock);
    [kolkata, london, closed] = await insertCentres(db, [
      'Asia/Kolkata',
      'Europe/London',
      'Asia/Kolkata',
    ]);
    await db.query(`UPDATE centres SET is_active = false WHERE id = $1`, [closed]);
  });
  afterAll(() => db.destroy());

  it('answers many schedules in one query, in the order asked, with each rule in its centre zone', async () => {
    const first = await register(kolkata, [london, closed], {
      bufferBeforeMinutes: 5,
      minNoticeMinutes: 60,
      dailyCap: 6,
    });
    first.replaceAvailability(
      [
        rule(1, '13:00', '24:00', london, 'ONLINE'),
        rule(1, '09:00', '13:00', kolkata),
        rule(2, '09:00', '10:00', closed),
      ],
      now,
    );
    first.addTimeOff(
      new Date('2026-02-27T00:00:00Z'),
      new Date('2026-02-28T08:59:59Z'),
      'Long over',
      now,
    );
    first.addTimeOff(
      new Date('2026-03-05T09:00:00+05:30'),
      new Date('2026-03-06T09:00:00+05:30'),
      'Leave',
      now,
    );
    first.addTimeOff(
      new Date('2026-02-28T00:00:00Z'),
      new Date('2026-03-01T00:00:00Z'),
      'Yesterday',
      now,
    );
    const second = await register(london, []);
    const gone = await register(kolkata, []);
    gone.remove(now);
    for (const c of [first, second, gone]) await repo.save(c);

    const spy = jest.spyOn(db.manager, 'query');
    const schedules = await batch.execute(
      new GetClinicianSchedules([second.id, UNKNOWN, 'nonsense', first.id, gone.id, second.id]),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(schedules.map((s) => s.clinicianId)).toEqual([second.id, first.id]);
    expect(schedules[1]).toEqual({
      clinicianId: first.id,
      userId: first.userId,
      isActive: true,
      fee: { amount: 70000, currency: 'INR' },
      slotMinutes: 30,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 60,
      horizonDays: 60,
      dailyCap: 6,
      centres: [
        { centreId: kolkata, timeZone: 'Asia/Kolkata' },
        { centreId: london, timeZone: 'Europe/London' },
      ].sort((a, b) => a.centreId.localeCompare(b.centreId)),
      rules: [
        {
          dayOfWeek: 1,
          startTime: '09:00',
          endTime: '13:00',
          centreId: kolkata,
          sessionType: 'IN_PERSON',
          timeZone: 'Asia/Kolkata',
        },
        {
          dayOfWeek: 1,
          startTime: '13:00',
          endTime: '24:00',
          centreId: london,
          sessionType: 'ONLINE',
          timeZone: 'Europe/London',
        },
      ],
      timeOff: [
        { startsAt: '2026-02-28T00:00:00.000Z', endsAt: '2026-03-01T00:00:00.000Z' },
        { startsAt: '2026-03-05T03:30:00.000Z', endsAt: '2026-03-06T03:30:00.000Z' },
      ],
    });
    expect(schedules[0]).toMatchObject({
      rules: [],
      timeOff: [],
      centres: [{ centreId: london, timeZone: 'Europe/London' }],
    });
    expect(await batch.execute(new GetClinicianSchedules([]))).toEqual([]);
  });

  it('answers one schedule (inactive clinicians too), and NOT_FOUND for unknown or deleted ones', async () => {
    const clinician = await register(kolkata, []);
    clinician.toggleActive(now);
    await repo.save(clinician);
    expect(await single.execute(new GetClinicianSchedule(clinician.id))).toMatchObject({
      clinicianId: clinician.id,
      isActive: false,
    });
    await expect(single.execute(new GetClinicianSchedule(UNKNOWN))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(single.execute(new GetClinicianSchedule('nonsense'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses overlapping rules written straight to the table (exclusion constraint); touching ones are fine', async () => {
    const clinician = await register(kolkata, [london]);
    await repo.save(clinician);
    const insert = `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
                    VALUES ($1, $2, $3, $4, $5, 'IN_PERSON')`;
    expect(await failureOf(insert, [clinician.id, kolkata, 1, 540, 780])).toBeUndefined();
    expect(await failureOf(insert, [clinician.id, kolkata, 1, 780, 1440])).toBeUndefined();
    expect(await failureOf(insert, [clinician.id, london, 1, 720, 800])).toEqual({
      code: PG.EXCLUSION_VIOLATION,
      constraint: 'EXCL_availability_rules_overlap',
    });
    expect(await failureOf(insert, [clinician.id, kolkata, 2, 540, 780])).toBeUndefined();
    expect(await failureOf(insert, [clinician.id, closed, 3, 540, 780])).toMatchObject({
      code: PG.FOREIGN_KEY_VIOLATION,
      constraint: 'FK_availability_rules_membership',
    });
    expect(await failureOf(insert, [clinician.id, kolkata, 4, 600, 600])).toMatchObject({
      code: PG.CHECK_VIOLATION,
    });
  });

  it('refuses overlapping rules from concurrent transactions: exactly one wins', async () => {
    const clinician = await register(kolkata, []);
    await repo.save(clinician);
    const attempt = (start: number) =>
      failureOf(
        `INSERT INTO availability_rules (clinician_id, centre_id, day_of_week, start_minute, end_minute, session_type)
         VALUES ($1, $2, 5, $3, $3 + 60, 'ONLINE')`,
        [clinician.id, kolkata, start],
      );
    const results = await Promise.all([540, 550, 560, 570].map(attempt));
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r?.code === PG.EXCLUSION_VIOLATION)).toHaveLength(3);
  });
});
