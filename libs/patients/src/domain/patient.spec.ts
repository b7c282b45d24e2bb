import { ValidationFailedError } from '@carebook/core';
import { PatientRegistered, PatientUpdated } from './events/patient-events';
import { NewPatientProfile, Patient } from './patient';
import { latestDateOnEarth } from './patient-profile-rules';

const now = new Date('2026-03-01T09:00:00Z');
const contact = { name: 'Meera Sharma', phone: '+919812300001', relationship: 'daughter' };
const profile = (overrides: Partial<NewPatientProfile> = {}): NewPatientProfile => ({
  fullName: 'Priya Sharma',
  phone: '+919812300000',
  email: null,
  dateOfBirth: '1985-04-12',
  gender: 'FEMALE',
  bloodGroup: 'B+',
  emergencyContacts: [contact],
  ...overrides,
});
const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationFailedError);
    return (e as ValidationFailedError).errors.map((x) => x.field);
  }
  throw new Error('expected VALIDATION_FAILED');
};

describe('Patient', () => {
  it('is registered by staff with trimmed details and a STAFF PatientRegistered event', () => {
    const patient = Patient.registerByStaff(
      profile({ fullName: '  Priya Sharma ', email: ' priya@example.com ' }),
      now,
    );
    expect(patient.snapshot()).toMatchObject({
      fullName: 'Priya Sharma',
      email: 'priya@example.com',
      createdAt: now,
    });
    const [event] = patient.pullEvents();
    expect(event).toBeInstanceOf(PatientRegistered);
    expect({ ...event }).toEqual({
      eventId: expect.any(String),
      aggregateId: patient.id,
      occurredAt: now.toISOString(),
      source: 'STAFF',
    });
  });

  it('lists every broken field at once', () => {
    const tooMany = Array.from({ length: 6 }, () => contact);
    expect(
      fieldsOf(() =>
        Patient.registerByStaff(
          profile({
            fullName: '   ',
            phone: '9812300000',
            email: 'not-an-email',
            dateOfBirth: '2026-02-30',
            gender: 'F' as never,
            bloodGroup: 'C+' as never,
            emergencyContacts: [
              ...tooMany.slice(0, 5),
              { name: '', phone: '+91', relationship: ' ' },
            ],
          }),
          now,
        ),
      ),
    ).toEqual([
      'fullName',
      'phone',
      'email',
      'dateOfBirth',
      'gender',
      'bloodGroup',
      'emergencyContacts',
      'emergencyContacts.5.name',
      'emergencyContacts.5.phone',
      'emergencyContacts.5.relationship',
    ]);
  });

  it('accepts a date of birth of today anywhere on earth, and refuses tomorrow and before 1900', () => {
    const today = latestDateOnEarth(now);
    expect(today).toBe('2026-03-01');
    expect(
      Patient.registerByStaff(profile({ dateOfBirth: today }), now).snapshot().dateOfBirth,
    ).toBe(today);
    // 23:30 UTC is already the next day in Kiribati (UTC+14): a newborn there is not "future".
    const lateEvening = new Date('2026-03-01T23:30:00Z');
    expect(() =>
      Patient.registerByStaff(profile({ dateOfBirth: '2026-03-02' }), lateEvening),
    ).not.toThrow();
    expect(
      fieldsOf(() => Patient.registerByStaff(profile({ dateOfBirth: '2026-03-02' }), now)),
    ).toEqual(['dateOfBirth']);
    expect(
      fieldsOf(() => Patient.registerByStaff(profile({ dateOfBirth: '1899-12-31' }), now)),
    ).toEqual(['dateOfBirth']);
  });

  it('revises only the fields that really change and names them (not their values) in PatientUpdated', () => {
    const patient = Patient.registerByStaff(profile(), now);
    patient.pullEvents();
    const later = new Date(now.getTime() + 60_000);
    expect(
      patient.revise(
        { fullName: 'Priya Sharma', emergencyContacts: [{ ...contact }] },
        'STAFF',
        later,
      ),
    ).toEqual([]);
    expect(patient.pullEvents()).toEqual([]);

    const changed = patient.revise(
      { email: 'p@example.com', gender: null, bloodGroup: 'B+' },
      'SELF',
      later,
    );
    expect(changed).toEqual(['email', 'gender']);
    const [event] = patient.pullEvents();
    expect(event).toBeInstanceOf(PatientUpdated);
    expect({ ...event }).toMatchObject({ changed: ['email', 'gender'], source: 'SELF' });
    expect(JSON.stringify(event)).not.toContain('p@example.com');
    expect(patient.snapshot()).toMatchObject({
      email: 'p@example.com',
      gender: null,
      bloodGroup: 'B+',
      updatedAt: later,
    });
  });

  it('leaves the record untouched when a revision breaks a rule', () => {
    const patient = Patient.registerByStaff(profile(), now);
    expect(
      fieldsOf(() =>
        patient.revise({ fullName: 'New Name', dateOfBirth: '2999-01-01' }, 'STAFF', now),
      ),
    ).toEqual(['dateOfBirth']);
    expect(patient.snapshot().fullName).toBe('Priya Sharma');
  });

  it('fills the name on a later sign-in only when it is unknown', () => {
    const patient = Patient.registerSelf('+919812300000', null, now);
    patient.pullEvents();
    expect(patient.nameIfUnknown('  ', now)).toBe(false);
    expect(patient.nameIfUnknown(' Ravi Kumar ', now)).toBe(true);
    expect(patient.nameIfUnknown('Someone Else', now)).toBe(false);
    expect(patient.snapshot().fullName).toBe('Ravi Kumar');
    expect(patient.pullEvents().map((e) => ({ ...e }))).toEqual([
      expect.objectContaining({ changed: ['fullName'], source: 'SELF' }),
    ]);
  });
});
