import { Actor, AuditLog, Role, UnitOfWork } from '@carebook/core';
import type { AuditEntry, DomainEvent } from '@carebook/core';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '../domain/staff-user';
import { InMemoryStaffUserRepository } from './identity-fakes';

/** Spec-only stand-ins for the staff management handlers (not exported from the barrel). */

export const CENTRE_A = '0d8f6a52-6a0e-4b7e-9d55-3b1c6f0c2a10';
export const CENTRE_B = '5b1c8f58-2f2c-4f55-9d3f-1f6c3b7f7a10';

export function aStaffActor(role: Role, centreIds: string[] = [], id: string = role): Actor {
  return { kind: 'staff', id, role, centreIds };
}

/** The in-memory repository, keeping the events each save handed over. */
export class RecordingStaffUsers extends InMemoryStaffUserRepository {
  readonly events: DomainEvent[] = [];
  get eventNames(): string[] {
    return this.events.map((e) => e.eventName);
  }
  override async save(user: StaffUser): Promise<void> {
    this.events.push(...user.pullEvents());
    await super.save(user);
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
