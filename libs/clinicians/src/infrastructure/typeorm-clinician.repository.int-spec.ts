import { OutboxWriter, UnitOfWork } from '@carebook/core';
import { openTestDataSource } from '@carebook/testing';
import { DataSource } from 'typeorm';
import { Clinician } from '../domain/clinician';
import { insertCentres, insertClinicianUser } from '../testing/clinician-db-fixtures';
import { ClinicianOrmEntity } from './clinician.orm-entity';
import { TypeormClinicianRepository } from './typeorm-clinician.repository';

const now = new Date('2026-03-01T09:00:00Z');
const rule = (dayOfWeek: number, startTime: string, endTime: string, centreId: string) => ({
  dayOfWeek,
  startTime,
  endTime,
  centreId,
  sessionType: 'IN_PERSON',
});

describe('TypeormClinicianRepository (PostgreSQL)', () => {
  let db: DataSource;
  let uow: UnitOfWork;
  let repo: TypeormClinicianRepository;
  let A: string;
  let B: string;
  const register = async (centreIds: string[] = []) =>
    Clinician.register(
      {
        userId: await insertClinicianUser(db),
        profile: {
          specializations: ['Cardiology'],
          qualifications: [],
          languages: ['English', 'Hindi'],
          yearsOfExperience: 3,
          fee: { amount: 50000, currency: 'INR' },
          consultationDurationMinutes: 15,
          bio: 'Bio',
          photoUrl: 'https://cdn.example/a.jpg',
        },
        settings: { bufferAfterMinutes: 5, dailyCap: 10 },
        primaryCentreId: A,
        centreIds,
        city: 'Testpur',
      },
      now,
    );
  const typesOf = async (id: string) =>
    (await db.query(`SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [id])).map(
      (r: { type: string }) => r.type,
    );

  beforeAll(async () => {
    db = await openTestDataSource([ClinicianOrmEntity]);
    uow = new UnitOfWork(db);
    repo = new TypeormClinicianRepository(uow, new OutboxWriter());
    [A, B] = await insertCentres(db, ['Asia/Kolkata', 'Europe/London']);
  });
  afterAll(() => db.destroy());

  it('saves the row, centres, rules, time off and events together, and reloads the aggregate', async () => {
    const clinician = await register([B]);
    clinician.replaceAvailability(
      [rule(1, '09:00', '13:00', A), rule(1, '13:00', '24:00', B)],
      now,
    );
    const off = clinician.addTimeOff(
      new Date('2026-03-10T00:00:00Z'),
      new Date('2026-03-11T00:00:00Z'),
      'Leave',
      now,
    );
    await repo.save(clinician);
    const loaded = await repo.findById(clinician.id);
    const { availability, ...state } = clinician.snapshot();
    const { availability: loadedAvailability, ...loadedState } = loaded!.snapshot();
    expect({ ...loadedState, centreIds: [...loadedState.centreIds].sort() }).toEqual({
      ...state,
      centreIds: [A, B].sort(),
    });
    expect(loadedAvailability.equals(availability)).toBe(true);
    expect((await repo.findByUserId(clinician.userId))?.id).toBe(clinician.id);
    expect((await repo.findTimeOff(clinician.id, off.id))?.snapshot()).toEqual(off.snapshot());
    expect(await repo.findTimeOff(clinician.id, 'not-a-uuid')).toBeUndefined();
    expect(
      (await repo.findUpcomingTimeOff(clinician.id, new Date('2026-03-10T12:00:00Z'))).map(
        (t) => t.id,
      ),
    ).toEqual([off.id]);
    expect(await repo.findUpcomingTimeOff(clinician.id, new Date('2026-03-11T00:00:00Z'))).toEqual(
      [],
    );
    expect(await typesOf(clinician.id)).toEqual([
      'clinicians.ClinicianCreated',
      'clinicians.AvailabilityChanged',
      'clinicians.TimeOffAdded',
    ]);
  });

  it('rewrites rules and centres together, removes time off, and hides deleted clinicians', async () => {
    const clinician = await register([B]);
    clinician.replaceAvailability([rule(2, '10:00', '11:00', B)], now);
    const off = clinician.addTimeOff(
      new Date('2026-03-10T00:00:00Z'),
      new Date('2026-03-11T00:00:00Z'),
      'Leave',
      now,
    );
    await repo.save(clinician);
    const loaded = (await repo.findById(clinician.id))!;
    loaded.replaceAvailability([rule(2, '10:00', '11:00', A)], now);
    loaded.revise({ centreIds: [] }, now);
    loaded.removeTimeOff((await repo.findTimeOff(loaded.id, off.id))!, now);
    await repo.save(loaded);
    const again = (await repo.findById(clinician.id))!.snapshot();
    expect(again.centreIds).toEqual([A]);
    expect(again.availability.toInputs()).toEqual([rule(2, '10:00', '11:00', A)]);
    expect(await repo.findTimeOff(clinician.id, off.id)).toBeUndefined();
    loaded.remove(now);
    await repo.save(loaded);
    expect(await repo.findById(clinician.id)).toBeUndefined();
    expect(await repo.findByUserId(clinician.userId)).toBeUndefined();
  });

  it('rolls the whole save back when the outbox insert fails', async () => {
    const clinician = await register();
    const failing = new TypeormClinicianRepository(uow, {
      append: async () => Promise.reject(new Error('boom')),
    } as unknown as OutboxWriter);
    await expect(failing.save(clinician)).rejects.toThrow('boom');
    expect(await repo.findById(clinician.id)).toBeUndefined();
    expect(
      await db.query(`SELECT 1 FROM clinician_centres WHERE clinician_id = $1`, [clinician.id]),
    ).toEqual([]);
  });

  it('queues concurrent edits of one clinician behind the row lock: one whole week wins', async () => {
    const clinician = await register();
    await repo.save(clinician);
    // Each edit replaces the week with one day of its own, after waiting (at most 300 ms) for the
    // other to have loaded too: without the lock both would delete the empty week they saw and
    // the result would be a mix of both weeks, which nobody asked for.
    let loaded = 0;
    const bothLoaded = async () => {
      for (let waited = 0; loaded < 2 && waited < 300; waited += 10)
        await new Promise((r) => setTimeout(r, 10));
    };
    const setDay = (dayOfWeek: number) =>
      uow.run(async () => {
        const c = (await repo.findById(clinician.id, { lock: true }))!;
        loaded += 1;
        await bothLoaded();
        c.replaceAvailability([rule(dayOfWeek, '09:00', '10:00', A)], now);
        await repo.save(c);
      });
    await Promise.all([setDay(3), setDay(4)]);
    const rules = (await repo.findById(clinician.id))!.snapshot().availability.rules;
    expect(rules).toHaveLength(1);
    expect(await typesOf(clinician.id)).toEqual([
      'clinicians.ClinicianCreated',
      'clinicians.AvailabilityChanged',
      'clinicians.AvailabilityChanged',
    ]);
  });
});
