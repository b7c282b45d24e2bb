import { GetClinicianSchedule } from '@carebook/clinicians';
import { NotFoundError } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ClinicianSchedule, ClinicianSchedules } from '../application/ports/clinician-schedules';

/** Schedules from the clinicians context's `GetClinicianSchedule` query. */
@Injectable()
export class CqrsClinicianSchedules extends ClinicianSchedules {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async get(clinicianId: string): Promise<ClinicianSchedule | undefined> {
    try {
      return await this.queries.execute(new GetClinicianSchedule(clinicianId));
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
