import { Clock } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { FrontDeskQueueDto } from '../../dto/board.dto';
import { boardZoneFor } from '../../front-desk-access';
import { dayBounds, localDateAt } from '../../local-day';
import { CentreZones } from '../../ports/centre-zones';
import { PatientDirectory } from '../../ports/patient-directory';
import { GetFrontDeskQueue } from './get-front-desk-queue.query';

@QueryHandler(GetFrontDeskQueue)
export class GetFrontDeskQueueHandler implements IQueryHandler<GetFrontDeskQueue> {
  constructor(
    private readonly db: DataSource,
    private readonly zones: CentreZones,
    private readonly patients: PatientDirectory,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, centreId }: GetFrontDeskQueue): Promise<FrontDeskQueueDto> {
    const timeZone = await boardZoneFor(this.zones, actor, centreId);
    // Today's arrivals only: someone checked in yesterday and never seen is not waiting now.
    const { start } = dayBounds(localDateAt(this.clock.now(), timeZone), timeZone);
    const rows: Array<{
      id: string;
      patient_id: string;
      clinician_id: string;
      starts_at: Date;
      checked_in_at: Date;
    }> = await this.db.query(
      `SELECT id, patient_id, clinician_id, starts_at, checked_in_at
           FROM appointments
          WHERE centre_id = $1 AND status = 'CHECKED_IN' AND checked_in_at >= $2
          ORDER BY checked_in_at, id`,
      [centreId, start],
    );
    const names = await this.patients.namesOf(rows.map((r) => r.patient_id));
    return {
      centreId,
      items: rows.map((r, i) => ({
        position: i + 1,
        appointmentId: r.id,
        patientId: r.patient_id,
        patientName: names.get(r.patient_id) ?? null,
        clinicianId: r.clinician_id,
        startsAt: r.starts_at.toISOString(),
        checkedInAt: r.checked_in_at.toISOString(),
      })),
    };
  }
}
