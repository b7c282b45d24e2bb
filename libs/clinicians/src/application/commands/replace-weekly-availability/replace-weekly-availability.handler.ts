import { Clock, NotFoundError, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import type { AvailabilityRule } from '../../../domain/weekly-availability';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { availabilityToDto } from '../../clinician-view';
import type { AvailabilityDto } from '../../dto/availability.dto';
import { ReplaceWeeklyAvailability } from './replace-weekly-availability.command';

@CommandHandler(ReplaceWeeklyAvailability)
export class ReplaceWeeklyAvailabilityHandler implements ICommandHandler<ReplaceWeeklyAvailability> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, clinicianId, rules }: ReplaceWeeklyAvailability): Promise<AvailabilityDto> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findById(clinicianId, { lock: true });
      if (!clinician) throw new NotFoundError('Clinician');
      const before = clinician.snapshot();
      ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toEditSchedule(actor, before));
      const now = this.clock.now();
      clinician.replaceAvailability(rules, now);
      const after = clinician.snapshot();
      const touched = changedRuleCentres(before.availability.rules, after.availability.rules);
      ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toEditSchedule(actor, before, touched));
      await this.clinicians.save(clinician);
      const timeOff = await this.clinicians.findUpcomingTimeOff(clinician.id, now);
      return availabilityToDto(
        after,
        timeOff.map((t) => t.snapshot()),
        true,
      );
    });
  }
}

/** The centres of rules that the new week adds or drops. */
function changedRuleCentres(
  before: readonly AvailabilityRule[],
  after: readonly AvailabilityRule[],
): string[] {
  const key = (r: AvailabilityRule) =>
    [r.dayOfWeek, r.startMinute, r.endMinute, r.centreId, r.sessionType].join('|');
  const [was, is] = [new Set(before.map(key)), new Set(after.map(key))];
  const changed = [
    ...before.filter((r) => !is.has(key(r))),
    ...after.filter((r) => !was.has(key(r))),
  ];
  return [...new Set(changed.map((r) => r.centreId))];
}
