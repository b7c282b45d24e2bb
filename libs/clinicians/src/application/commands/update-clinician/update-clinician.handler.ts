import { Actor, Clock, NotFoundError, UnitOfWork, ValidationFailedError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { clinicianStateToDto } from '../../clinician-view';
import type { ClinicianDto } from '../../dto/clinician.dto';
import { CentreDirectory } from '../../ports/centre-directory';
import { StaffAccountChanges, StaffAccounts } from '../../ports/staff-accounts';
import { UpdateClinician } from './update-clinician.command';

@CommandHandler(UpdateClinician)
export class UpdateClinicianHandler implements ICommandHandler<UpdateClinician> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly staff: StaffAccounts,
    private readonly centres: CentreDirectory,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ actor, clinicianId, changes }: UpdateClinician): Promise<ClinicianDto> {
    return this.uow.run(async () => {
      const clinician = await this.clinicians.findById(clinicianId, { lock: true });
      if (!clinician) throw new NotFoundError('Clinician');
      const before = clinician.snapshot();
      ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toManage(actor, before));
      const {
        fullName,
        phone,
        email,
        consultationFee,
        settings,
        primaryCentreId,
        centreIds,
        ...profile
      } = changes;
      clinician.revise(
        { profile: { ...profile, fee: consultationFee }, settings, primaryCentreId, centreIds },
        this.clock.now(),
      );
      const after = clinician.snapshot();
      ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toManage(actor, before, after));
      const added = after.centreIds.filter((id) => !before.centreIds.includes(id));
      await this.assertCentresExist(actor, added, after.primaryCentreId);
      const account: StaffAccountChanges = { fullName, phone, email };
      const moved = after.centreIds.length !== before.centreIds.length || added.length > 0;
      if (moved) account.centreIds = after.centreIds;
      const user = Object.values(account).some((v) => v !== undefined)
        ? await this.staff.revise(actor, after.userId, account)
        : await this.staff.find(after.userId);
      if (!user) throw new NotFoundError('Clinician');
      await this.clinicians.save(clinician);
      return clinicianStateToDto(clinician.snapshot(), user.fullName);
    });
  }

  /** Centres new to the clinician must exist (as the actor sees them). */
  private async assertCentresExist(actor: Actor, added: string[], primary: string): Promise<void> {
    const found = await Promise.all(added.map((id) => this.centres.find(id, actor)));
    const missing = added.filter((_, i) => !found[i]);
    if (!missing.length) return;
    throw new ValidationFailedError(
      missing.map((id) => {
        const field = id === primary ? 'primaryCentreId' : 'centreIds';
        return { field, message: `${field} names a centre that does not exist (${id})` };
      }),
    );
  }
}
