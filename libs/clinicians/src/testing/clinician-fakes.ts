import { Actor, newId, Role, UnitOfWork } from '@carebook/core';
import type { DomainEvent } from '@carebook/core';
import type { EntityManager } from 'typeorm';
import { CentreDirectory, CentreSummary } from '../application/ports/centre-directory';
import {
  NewStaffAccount,
  StaffAccount,
  StaffAccountChanges,
  StaffAccounts,
} from '../application/ports/staff-accounts';
import type { CreateClinicianInput } from '../application/commands/create-clinician/create-clinician.command';
import { Clinician, ClinicianState } from '../domain/clinician';
import { ClinicianRepository } from '../domain/clinician.repository';
import { TimeOff, TimeOffState } from '../domain/time-off';

/** Spec-only stand-ins for clinicians' ports (not exported from the barrel). */

export const CENTRE_A = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
export const CENTRE_B = '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10';
export const CENTRE_C = '8c2d9e61-1a3b-4c5d-8e6f-7a8b9c0d1e2f';

export function aStaffActor(role: Role, centreIds: string[] = [], id: string = newId()): Actor {
  return { kind: 'staff', id, role, centreIds };
}

/** Clinicians in memory, keeping the events each save handed over. */
export class InMemoryClinicians extends ClinicianRepository {
  readonly rows = new Map<string, ClinicianState>();
  readonly timeOff = new Map<string, TimeOffState>();
  readonly events: DomainEvent[] = [];
  get eventNames(): string[] {
    return this.events.map((e) => e.eventName);
  }
  async findById(id: string) {
    const row = this.rows.get(id);
    return row && !row.deletedAt ? Clinician.restore(row) : undefined;
  }
  async findByUserId(userId: string) {
    const row = [...this.rows.values()].find((r) => r.userId === userId && !r.deletedAt);
    return row && Clinician.restore(row);
  }
  async findTimeOff(clinicianId: string, timeOffId: string) {
    const row = this.timeOff.get(timeOffId);
    return row && row.clinicianId === clinicianId ? TimeOff.restore(row) : undefined;
  }
  async findUpcomingTimeOff(clinicianId: string, after: Date) {
    return [...this.timeOff.values()]
      .filter((t) => t.clinicianId === clinicianId && t.endsAt > after)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((t) => TimeOff.restore(t));
  }
  async save(clinician: Clinician) {
    const writes = clinician.pullPendingWrites();
    for (const t of writes.addedTimeOff) this.timeOff.set(t.id, t.snapshot());
    for (const id of writes.removedTimeOffIds) this.timeOff.delete(id);
    this.events.push(...clinician.pullEvents());
    this.rows.set(clinician.id, clinician.snapshot());
  }
}

/** Staff users in memory; `failNext` makes the next register/revise throw (PHONE_TAKEN, ...). */
export class FakeStaffAccounts extends StaffAccounts {
  readonly users = new Map<string, StaffAccount & { centreIds: string[]; phone?: string }>();
  readonly calls: string[] = [];
  failNext?: Error;
  async register(actor: Actor, input: NewStaffAccount) {
    this.calls.push('register');
    this.throwIfTold();
    const user = {
      id: newId(),
      fullName: input.fullName.trim(),
      centreIds: input.centreIds,
      phone: input.phone,
    };
    this.users.set(user.id, user);
    return { id: user.id, fullName: user.fullName };
  }
  async revise(actor: Actor, userId: string, changes: StaffAccountChanges) {
    this.calls.push('revise');
    this.throwIfTold();
    const user = this.users.get(userId)!;
    if (changes.fullName !== undefined) user.fullName = changes.fullName;
    if (changes.centreIds !== undefined) user.centreIds = changes.centreIds;
    return { id: user.id, fullName: user.fullName };
  }
  async remove(actor: Actor, userId: string) {
    this.calls.push('remove');
    this.users.delete(userId);
  }
  async find(userId: string) {
    const user = this.users.get(userId);
    return user && { id: user.id, fullName: user.fullName };
  }
  private throwIfTold() {
    const error = this.failNext;
    this.failNext = undefined;
    if (error) throw error;
  }
}

/** Centres A, B and C (Bengaluru, Chennai, Mumbai) unless a spec changes them. */
export class FakeCentreDirectory extends CentreDirectory {
  readonly centres = new Map<string, CentreSummary>([
    [CENTRE_A, { id: CENTRE_A, city: 'Bengaluru', timeZone: 'Asia/Kolkata' }],
    [CENTRE_B, { id: CENTRE_B, city: 'Chennai', timeZone: 'Asia/Kolkata' }],
    [CENTRE_C, { id: CENTRE_C, city: 'Mumbai', timeZone: 'Asia/Kolkata' }],
  ]);
  async find(centreId: string) {
    return this.centres.get(centreId);
  }
}

/** Runs the work at once; `runs` counts the transactions a handler opened. */
export class ImmediateUnitOfWork {
  runs = 0;
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.runs += 1;
    return work({} as EntityManager);
  }
  manager(): EntityManager {
    return {} as EntityManager;
  }
  asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }
}

/** A valid create input; specs override what they test. */
export function clinicianInput(
  overrides: Partial<CreateClinicianInput> = {},
): CreateClinicianInput {
  return {
    fullName: ' Dr. Meera Iyer ',
    phone: '+919800000111',
    username: 'meera.iyer',
    password: 'a-good-password',
    specializations: ['Cardiology'],
    qualifications: ['MBBS', 'MD'],
    languages: ['English', 'Tamil'],
    yearsOfExperience: 12,
    consultationFee: { amount: 80000, currency: 'INR' },
    consultationDurationMinutes: 20,
    primaryCentreId: CENTRE_A,
    ...overrides,
  };
}
