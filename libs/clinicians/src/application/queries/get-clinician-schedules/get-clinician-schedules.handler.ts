import { Clock, isUuid, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ClinicianSchedule } from '../get-clinician-schedule/clinician-schedule';
import { GetClinicianSchedules } from './get-clinician-schedules.query';
import { loadSchedules, TIME_OFF_LOOKBACK_MS } from './schedule-sql';

@QueryHandler(GetClinicianSchedules)
export class GetClinicianSchedulesHandler implements IQueryHandler<GetClinicianSchedules> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ clinicianIds }: GetClinicianSchedules): Promise<ClinicianSchedule[]> {
    const ids = [...new Set(clinicianIds.filter(isUuid).map((id) => id.toLowerCase()))];
    const since = new Date(this.clock.now().getTime() - TIME_OFF_LOOKBACK_MS);
    // The caller's transaction when there is one (booking reads under its clinician lock).
    return loadSchedules(this.uow.manager(), ids, since);
  }
}
