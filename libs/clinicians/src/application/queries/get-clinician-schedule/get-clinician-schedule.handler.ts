import { Clock, isUuid, NotFoundError, UnitOfWork } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { loadSchedules, TIME_OFF_LOOKBACK_MS } from '../get-clinician-schedules/schedule-sql';
import type { ClinicianSchedule } from './clinician-schedule';
import { GetClinicianSchedule } from './get-clinician-schedule.query';

@QueryHandler(GetClinicianSchedule)
export class GetClinicianScheduleHandler implements IQueryHandler<GetClinicianSchedule> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ clinicianId }: GetClinicianSchedule): Promise<ClinicianSchedule> {
    if (!isUuid(clinicianId)) throw new NotFoundError('Clinician');
    const since = new Date(this.clock.now().getTime() - TIME_OFF_LOOKBACK_MS);
    const [schedule] = await loadSchedules(this.uow.manager(), [clinicianId.toLowerCase()], since);
    if (!schedule) throw new NotFoundError('Clinician');
    return schedule;
  }
}
