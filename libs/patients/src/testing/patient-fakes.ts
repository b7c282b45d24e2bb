import type { Actor, AuditEntry, AuditLog, DomainEvent, UnitOfWork } from '@carebook/core';
import { Role } from '@carebook/core';
import type { EntityManager } from 'typeorm';
import type { Patient } from '../domain/patient';
import type { PatientNote } from '../domain/patient-note';
import { PatientNoteRepository } from '../domain/patient-note.repository';
import { LoadOptions, PatientRepository } from '../domain/patient.repository';
import { PatientPhoneTakenError } from '../domain/patient.errors';

/** Spec-only stand-ins for the patients handlers' ports (not exported from the barrel). */

export function aStaffActor(role: Role, id = '0c6f8a52-6a0e-4b7e-9d55-3b1c6f0c2a10'): Actor {
  return { kind: 'staff', id, role, centreIds: [] };
}

export function aPatientActor(id: string): Actor {
  return { kind: 'patient', id };
}

/** Patients in memory, with the events each save handed over and the loads that locked. */
export class InMemoryPatients extends PatientRepository {
  readonly rows = new Map<string, Patient>();
  readonly events: DomainEvent[] = [];
  readonly lockedLoads: string[] = [];
  get eventNames(): string[] {
    return this.events.map((e) => e.eventName);
  }
  async findById(id: string, options?: LoadOptions) {
    if (options?.forUpdate) this.lockedLoads.push(id);
    return this.rows.get(id);
  }
  async findByPhone(phone: string, options?: LoadOptions) {
    const patient = [...this.rows.values()].find((p) => p.phone === phone);
    if (patient && options?.forUpdate) this.lockedLoads.push(patient.id);
    return patient;
  }
  async addIfPhoneFree(patient: Patient) {
    if (await this.findByPhone(patient.phone)) return false;
    await this.save(patient);
    return true;
  }
  async save(patient: Patient) {
    const holder = [...this.rows.values()].find((p) => p.phone === patient.phone);
    if (holder && holder.id !== patient.id) throw new PatientPhoneTakenError();
    this.events.push(...patient.pullEvents());
    this.rows.set(patient.id, patient);
  }
}

export class InMemoryPatientNotes extends PatientNoteRepository {
  readonly notes: PatientNote[] = [];
  async add(note: PatientNote) {
    this.notes.push(note);
  }
  async listForPatient(patientId: string) {
    return this.notes
      .filter((n) => n.snapshot().patientId === patientId)
      .sort((a, b) => b.snapshot().createdAt.getTime() - a.snapshot().createdAt.getTime());
  }
}

/** Runs the work at once; `runs` counts the transactions a handler opened. */
export class ImmediateUnitOfWork {
  runs = 0;
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.runs += 1;
    return work({} as EntityManager);
  }
  asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }
}

/** Keeps every recorded audit entry. */
export class RecordingAuditLog {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async recordNow(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  asAuditLog(): AuditLog {
    return this as unknown as AuditLog;
  }
}
