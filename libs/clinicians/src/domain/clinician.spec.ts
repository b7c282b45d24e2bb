import { NotFoundError, ValidationFailedError } from '@carebook/core';
import { Clinician } from './clinician';
import type { ClinicianProfile } from './clinician-profile';
import {
  AvailabilityChanged,
  ClinicianActivationChanged,
  ClinicianCreated,
  ClinicianDeleted,
  ClinicianUpdated,
  TimeOffAdded,
  TimeOffRemoved,
} from './events/clinician-events';

const A = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
const B = '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10';
const USER = '7b0c5c1e-3f5a-4d43-9a51-0f3c2a9d1e01';
const now = new Date('2026-03-01T09:00:00Z');
const later = new Date('2026-03-01T10:00:00Z');

const profile = (overrides: Partial<ClinicianProfile> = {}): ClinicianProfile => ({
  specializations: [' Cardiology ', 'cardiology', 'Internal Medicine'],
  qualifications: ['MBBS'],
  languages: ['English'],
  yearsOfExperience: 12,
  fee: { amount: 80000, currency: 'inr' },
  consultationDurationMinutes: 20,
  bio: '  ',
  photoUrl: null,
  ...overrides,
});
const register = (overrides: Partial<ClinicianProfile> = {}, centreIds: string[] = [B]) =>
  Clinician.register(
    { userId: USER, profile: profile(overrides), primaryCentreId: A, centreIds, city: 'Bengaluru' },
    now,
  );
const fieldsOf = (make: () => unknown): string[] => {
  try {
    make();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
};
const monday = (startTime: string, endTime: string, centreId = A) => ({
  dayOfWeek: 1,
  startTime,
  endTime,
  centreId,
  sessionType: 'IN_PERSON',
});

describe('Clinician', () => {
  it('registers an active clinician with default settings, cleaned lists and the primary centre first', () => {
    const clinician = register();
    const s = clinician.snapshot();
    expect(s).toMatchObject({
      userId: USER,
      specializations: ['Cardiology', 'Internal Medicine'],
      fee: { amount: 80000, currency: 'INR' },
      bio: null,
      primaryCentreId: A,
      centreIds: [A, B],
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 120,
      horizonDays: 60,
      dailyCap: null,
      isActive: true,
    });
    const [created] = clinician.pullEvents();
    expect(created).toBeInstanceOf(ClinicianCreated);
    expect(created).toMatchObject({
      aggregateId: clinician.id,
      userId: USER,
      primaryCentreId: A,
      city: 'Bengaluru',
      centreIds: [A, B],
    });
  });

  it('reports every broken rule of a profile and its settings at once', () => {
    const fields = fieldsOf(() =>
      Clinician.register(
        {
          userId: USER,
          profile: profile({
            specializations: [' '],
            languages: [],
            yearsOfExperience: -1,
            fee: { amount: 10.5, currency: 'RUPEES' },
            consultationDurationMinutes: 4,
            photoUrl: 'ftp://x',
          }),
          settings: { bufferBeforeMinutes: 121, horizonDays: 0, dailyCap: 0, minNoticeMinutes: -5 },
          primaryCentreId: 'nope',
          centreIds: [],
          city: null,
        },
        now,
      ),
    );
    expect(fields).toEqual([
      'specializations',
      'languages',
      'yearsOfExperience',
      'consultationFee.amount',
      'consultationFee.currency',
      'consultationDurationMinutes',
      'photoUrl',
      'settings.bufferBeforeMinutes',
      'settings.minNoticeMinutes',
      'settings.horizonDays',
      'settings.dailyCap',
      'primaryCentreId',
      'centreIds',
    ]);
  });

  it('revises only what changed, naming the fields, and keeps the old primary among the centres', () => {
    const clinician = register({}, []);
    clinician.pullEvents();
    clinician.revise(
      { profile: { yearsOfExperience: 12, bio: undefined }, settings: { dailyCap: null } },
      later,
    );
    expect(clinician.pullEvents()).toEqual([]);
    clinician.revise(
      {
        profile: { fee: { amount: 90000, currency: 'INR' } },
        settings: { dailyCap: 8 },
        primaryCentreId: B,
      },
      later,
    );
    const [event] = clinician.pullEvents();
    expect(event).toBeInstanceOf(ClinicianUpdated);
    expect((event as ClinicianUpdated).changed).toEqual([
      'consultationFee',
      'settings.dailyCap',
      'primaryCentreId',
      'centreIds',
    ]);
    expect(clinician.snapshot()).toMatchObject({
      primaryCentreId: B,
      centreIds: [B, A],
      dailyCap: 8,
      updatedAt: later,
    });
    clinician.revise({ centreIds: [] }, later);
    expect(clinician.snapshot().centreIds).toEqual([B]);
  });

  it('replaces the week, records AvailabilityChanged once, and hands the rule write to the repository', () => {
    const clinician = register();
    clinician.pullEvents();
    clinician.replaceAvailability([monday('09:00', '13:00'), monday('13:00', '24:00', B)], later);
    clinician.replaceAvailability([monday('13:00', '24:00', B), monday('09:00', '13:00')], later);
    const events = clinician.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(AvailabilityChanged);
    expect((events[0] as AvailabilityChanged).rules[1]).toEqual(monday('13:00', '24:00', B));
    expect(clinician.pullPendingWrites().availability).toBe(true);
    expect(clinician.pullPendingWrites().availability).toBe(false);
  });

  it('refuses rules at a centre the clinician does not practise at, and removing a centre the rules use', () => {
    const clinician = register({}, []);
    expect(
      fieldsOf(() => clinician.replaceAvailability([monday('09:00', '10:00', B)], later)),
    ).toEqual(['rules[0].centreId']);
    clinician.revise({ centreIds: [B] }, later);
    clinician.replaceAvailability([monday('09:00', '10:00', B)], later);
    expect(fieldsOf(() => clinician.revise({ centreIds: [] }, later))).toEqual(['centreIds']);
    expect(clinician.snapshot().centreIds).toEqual([A, B]);
  });

  it('adds and removes time off with events carrying the interval in UTC', () => {
    const clinician = register();
    clinician.pullEvents();
    const off = clinician.addTimeOff(
      new Date('2026-03-02T09:00:00+05:30'),
      new Date('2026-03-02T18:00:00+05:30'),
      ' Conference ',
      later,
    );
    expect(off.snapshot()).toMatchObject({ clinicianId: clinician.id, reason: 'Conference' });
    clinician.removeTimeOff(off, later);
    const [added, removed] = clinician.pullEvents();
    expect(added).toBeInstanceOf(TimeOffAdded);
    expect(added).toMatchObject({
      timeOffId: off.id,
      startsAt: '2026-03-02T03:30:00.000Z',
      endsAt: '2026-03-02T12:30:00.000Z',
    });
    expect(removed).toBeInstanceOf(TimeOffRemoved);
    expect(clinician.pullPendingWrites()).toMatchObject({
      addedTimeOff: [off],
      removedTimeOffIds: [off.id],
    });
  });

  it('refuses time off that does not end after it starts, or someone else’s', () => {
    const clinician = register();
    const at = new Date('2026-03-02T09:00:00Z');
    expect(fieldsOf(() => clinician.addTimeOff(at, at, 'x', later))).toEqual(['endsAt']);
    expect(
      fieldsOf(() => clinician.addTimeOff(at, new Date('2026-03-01T09:00:00Z'), '', later)),
    ).toEqual(['endsAt', 'reason']);
    expect(fieldsOf(() => clinician.addTimeOff(new Date('nope'), at, 'x', later))).toEqual([
      'startsAt',
    ]);
    const other = register().addTimeOff(at, new Date('2026-03-03T09:00:00Z'), 'x', later);
    expect(() => clinician.removeTimeOff(other, later)).toThrow(NotFoundError);
  });

  it('toggles activation and soft-deletes', () => {
    const clinician = register();
    clinician.toggleActive(later);
    expect(clinician.snapshot().isActive).toBe(false);
    clinician.toggleActive(later);
    clinician.remove(later);
    expect(clinician.isDeleted).toBe(true);
    expect(clinician.snapshot().isActive).toBe(false);
    expect(clinician.pullEvents().map((e) => e.constructor)).toEqual([
      ClinicianCreated,
      ClinicianActivationChanged,
      ClinicianActivationChanged,
      ClinicianDeleted,
    ]);
  });
});
