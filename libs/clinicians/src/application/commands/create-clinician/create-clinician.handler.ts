import { Actor, Clock, FieldError, UnitOfWork, ValidationFailedError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clinician } from '../../../domain/clinician';
import {
  assertValidClinician,
  ClinicianProfile,
  normalisePlacement,
  normaliseProfile,
  settingsWithDefaults,
} from '../../../domain/clinician-profile';
import { ClinicianRepository } from '../../../domain/clinician.repository';
import { ClinicianAccessPolicy } from '../../clinician-access-policy';
import { clinicianStateToDto } from '../../clinician-view';
import type { ClinicianDto } from '../../dto/clinician.dto';
import { CentreDirectory } from '../../ports/centre-directory';
import { StaffAccounts } from '../../ports/staff-accounts';
import { CreateClinician, CreateClinicianInput } from './create-clinician.command';

@CommandHandler(CreateClinician)
export class CreateClinicianHandler implements ICommandHandler<CreateClinician> {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly staff: StaffAccounts,
    private readonly centres: CentreDirectory,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, input }: CreateClinician): Promise<ClinicianDto> {
    const placement = normalisePlacement(input.primaryCentreId, input.centreIds ?? []);
    ClinicianAccessPolicy.enforce(ClinicianAccessPolicy.toCreate(actor, placement.centreIds));
    const profile = profileOf(input);
    // Checked before anything is written, so a bad profile costs no staff user or password hash.
    assertValidClinician(
      normaliseProfile(profile),
      settingsWithDefaults(input.settings),
      placement,
    );
    const city = await this.primaryCity(actor, input);
    return this.uow.run(async () => {
      const user = await this.staff.register(actor, {
        fullName: input.fullName,
        phone: input.phone,
        email: input.email,
        username: input.username,
        password: input.password,
        centreIds: placement.centreIds,
      });
      const clinician = Clinician.register(
        { userId: user.id, profile, settings: input.settings, ...placement, city },
        this.clock.now(),
      );
      await this.clinicians.save(clinician);
      return clinicianStateToDto(clinician.snapshot(), user.fullName);
    });
  }

  /** Checks every centre exists (as the actor sees it) and answers the primary one's city. */
  private async primaryCity(actor: Actor, input: CreateClinicianInput): Promise<string> {
    const fields = [
      ['primaryCentreId', input.primaryCentreId],
      ...(input.centreIds ?? []).map((id, i) => [`centreIds[${i}]`, id]),
    ];
    const found = await Promise.all(fields.map(([, id]) => this.centres.find(id, actor)));
    const errors: FieldError[] = fields
      .filter((_, i) => !found[i])
      .map(([field]) => ({ field, message: `${field} names a centre that does not exist` }));
    if (errors.length) throw new ValidationFailedError(errors);
    return found[0]!.city;
  }
}

function profileOf(input: CreateClinicianInput): ClinicianProfile {
  return {
    specializations: input.specializations,
    qualifications: input.qualifications,
    languages: input.languages,
    yearsOfExperience: input.yearsOfExperience,
    fee: input.consultationFee,
    consultationDurationMinutes: input.consultationDurationMinutes,
    bio: input.bio ?? null,
    photoUrl: input.photoUrl ?? null,
  };
}
