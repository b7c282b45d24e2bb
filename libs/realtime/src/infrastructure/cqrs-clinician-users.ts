import { GetClinicianSchedule } from '@carebook/clinicians';
import { NotFoundError } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ClinicianUsers } from '../application/ports/clinician-users';

const MAX_CACHED = 10_000;

/**
 * Clinician -> staff user through the clinicians context's `GetClinicianSchedule`. A profile's
 * user never changes, so answers are cached (bounded) and a busy clinician costs one read.
 */
@Injectable()
export class CqrsClinicianUsers extends ClinicianUsers {
  private readonly cache = new Map<string, string>();

  constructor(private readonly queries: QueryBus) {
    super();
  }

  async userIdOf(clinicianId: string): Promise<string | undefined> {
    const cached = this.cache.get(clinicianId);
    if (cached) return cached;
    try {
      const { userId } = await this.queries.execute(new GetClinicianSchedule(clinicianId));
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(clinicianId, userId);
      return userId;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
