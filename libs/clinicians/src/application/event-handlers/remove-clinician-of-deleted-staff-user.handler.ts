import { Clock, DomainEventHandler, OnDomainEvent, UnitOfWork } from '@carebook/core';
import { StaffUserDeleted } from '@carebook/identity';
import { Injectable } from '@nestjs/common';
import { ClinicianRepository } from '../../domain/clinician.repository';

/**
 * A CLINICIAN staff user removed through `/users` takes their profile with them, so nobody books
 * a clinician who can no longer sign in. Runs in the worker; safe to run twice (a deleted
 * clinician is not found again). `DeleteClinician` removes both itself, so then this finds nothing.
 */
@Injectable()
@OnDomainEvent(StaffUserDeleted)
export class RemoveClinicianOfDeletedStaffUser implements DomainEventHandler<StaffUserDeleted> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  handle(event: StaffUserDeleted): Promise<void> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findByUserId(event.aggregateId, { lock: true });
      if (!clinician) return;
      clinician.remove(this.clock.now());
      await this.clinicians.save(clinician);
    });
  }
}
