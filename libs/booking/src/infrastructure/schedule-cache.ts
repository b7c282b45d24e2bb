import type { ClinicianSchedule } from '../application/ports/clinician-schedules';

/** A clinician's schedule as read, with the version it was read at. */
export interface VersionedSchedule {
  schedule: ClinicianSchedule;
  version: number;
}

/**
 * Schedules this process read lately, by clinician, so an optimistic booking need not read the
 * schedule again: the INSERT that books names the version it judged (`booking_lock(id,
 * version)`), and the database refuses it when the schedule changed since (SQLSTATE CB001), in
 * this process or any other. Entries also expire after `ttlMs` (time off that ended long ago
 * drops out of a fresh read) and the oldest go beyond `capacity`.
 */
export class ScheduleCache {
  private readonly entries = new Map<string, VersionedSchedule & { readAt: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly capacity = 10_000,
  ) {}

  get(clinicianId: string, now: number): VersionedSchedule | undefined {
    const entry = this.entries.get(clinicianId);
    if (!entry) return undefined;
    if (now - entry.readAt >= this.ttlMs) {
      this.entries.delete(clinicianId);
      return undefined;
    }
    return entry;
  }

  set(clinicianId: string, value: VersionedSchedule, now: number): void {
    this.entries.delete(clinicianId);
    this.entries.set(clinicianId, { ...value, readAt: now });
    if (this.entries.size > this.capacity) {
      // Maps iterate in insertion order: the first key is the oldest read.
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  forget(clinicianId: string): void {
    this.entries.delete(clinicianId);
  }
}
