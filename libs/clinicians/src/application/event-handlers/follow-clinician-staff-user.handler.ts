import { Clock, DomainEventHandler, OnDomainEvent, UnitOfWork } from '@carebook/core';
import { StaffUserDeactivated, StaffUserDeleted } from '@carebook/identity';
import { Injectable } from '@nestjs/common';
import { ClinicianRepository } from '../../domain/clinician.repository';

/**
 * A CLINICIAN staff user deactivated or removed through `/users` takes their profile along, so
 * nobody books (or finds in the directory) a clinician who can no longer sign in: deactivation
 * deactivates the profile, removal removes it. Activating the user again does not list the
 * profile again (it may be off for its own reasons): a manager switches it on
 * (`PATCH /clinicians/:id/toggle-active`). Runs in the worker; safe to run twice (an inactive
 * profile stays as it is, a removed one is not found again). `DeleteClinician` removes both
 * itself, so then this finds nothing.
 */
@Injectable()
@OnDomainEvent(StaffUserDeactivated, StaffUserDeleted)
export class FollowClinicianStaffUser implements DomainEventHandler<
  StaffUserDeactivated | StaffUserDeleted
> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  handle(event: StaffUserDeactivated | StaffUserDeleted): Promise<void> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findByUserId(event.aggregateId, { lock: true });
      if (!clinician) return;
      if (event instanceof StaffUserDeleted) clinician.remove(this.clock.now());
      else if (!clinician.deactivate(this.clock.now())) return;
      await this.clinicians.save(clinician);
    });
  }
}
