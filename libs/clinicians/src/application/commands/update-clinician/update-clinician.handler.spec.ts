import { ForbiddenError, NotFoundError, Role, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import {
  aStaffActor,
  CENTRE_A as A,
  CENTRE_B as B,
  CENTRE_C as C,
  clinicianInput,
  FakeCentreDirectory,
  FakeStaffAccounts,
  ImmediateUnitOfWork,
  InMemoryClinicians,
} from '../../../testing/clinician-fakes';
import { CreateClinician } from '../create-clinician/create-clinician.command';
import { CreateClinicianHandler } from '../create-clinician/create-clinician.handler';
import { DeleteClinician } from '../delete-clinician/delete-clinician.command';
import { DeleteClinicianHandler } from '../delete-clinician/delete-clinician.handler';
import { ToggleClinicianActive } from '../toggle-clinician-active/toggle-clinician-active.command';
import { ToggleClinicianActiveHandler } from '../toggle-clinician-active/toggle-clinician-active.handler';
import { UpdateClinician } from './update-clinician.command';
import { UpdateClinicianHandler } from './update-clinician.handler';

const UNKNOWN = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11';
const admin = aStaffActor(Role.ADMIN);
const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);
const cmC = aStaffActor(Role.CENTRE_MANAGER, [C]);

describe('UpdateClinicianHandler, ToggleClinicianActiveHandler, DeleteClinicianHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let clinicians: InMemoryClinicians;
  let staff: FakeStaffAccounts;
  let centres: FakeCentreDirectory;
  let uow: ImmediateUnitOfWork;
  let clinicianId: string;
  const update = (actor = admin, changes = {}, id = clinicianId) =>
    new UpdateClinicianHandler(clinicians, staff, centres, uow.asUnitOfWork(), clock).execute(
      new UpdateClinician(actor, id, changes),
    );

  beforeEach(async () => {
    clinicians = new InMemoryClinicians();
    staff = new FakeStaffAccounts();
    centres = new FakeCentreDirectory();
    uow = new ImmediateUnitOfWork();
    const create = new CreateClinicianHandler(
      clinicians,
      staff,
      centres,
      uow.asUnitOfWork(),
      clock,
    );
    clinicianId = (
      await create.execute(new CreateClinician(admin, clinicianInput({ centreIds: [B] })))
    ).id;
    staff.calls.length = 0;
  });

  it('changes profile and settings, and the staff user only when their fields or centres change', async () => {
    clock.advance(60_000);
    const dto = await update(cmA, {
      yearsOfExperience: 13,
      bio: 'Heart doctor',
      settings: { dailyCap: 12 },
    });
    expect(dto).toMatchObject({
      yearsOfExperience: 13,
      bio: 'Heart doctor',
      settings: { dailyCap: 12 },
      updatedAt: '2026-03-01T09:01:00.000Z',
    });
    expect(staff.calls).toEqual([]);
    const renamed = await update(admin, { fullName: 'Dr. Meera I.', centreIds: [C] });
    expect(renamed).toMatchObject({ fullName: 'Dr. Meera I.', centreIds: [A, C].sort() });
    expect(staff.calls).toEqual(['revise']);
    expect([...staff.users.values()][0].centreIds).toEqual([A, C]);
    expect(clinicians.eventNames).toEqual([
      'clinicians.ClinicianCreated',
      'clinicians.ClinicianUpdated',
      'clinicians.ClinicianUpdated',
    ]);
  });

  it('answers NOT_FOUND outside the reach, FORBIDDEN for centres the manager does not run, 400 for unknown centres', async () => {
    await expect(update(cmC, { yearsOfExperience: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(update(admin, {}, UNKNOWN)).rejects.toBeInstanceOf(NotFoundError);
    await expect(update(cmA, { centreIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update(admin, { primaryCentreId: UNKNOWN })).rejects.toMatchObject({
      errors: [{ field: 'primaryCentreId' }],
    });
    await expect(update(admin, { languages: [] })).rejects.toBeInstanceOf(ValidationFailedError);
    expect(clinicians.eventNames).toEqual(['clinicians.ClinicianCreated']);
  });

  it('toggles and deletes (the staff user too), each only within reach', async () => {
    const toggle = new ToggleClinicianActiveHandler(clinicians, staff, uow.asUnitOfWork(), clock);
    const remove = new DeleteClinicianHandler(clinicians, staff, uow.asUnitOfWork(), clock);
    await expect(
      toggle.execute(new ToggleClinicianActive(cmC, clinicianId)),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await toggle.execute(new ToggleClinicianActive(cmA, clinicianId))).isActive).toBe(
      false,
    );
    await expect(remove.execute(new DeleteClinician(cmC, clinicianId))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await remove.execute(new DeleteClinician(cmA, clinicianId));
    expect(staff.users.size).toBe(0);
    expect(await clinicians.findById(clinicianId)).toBeUndefined();
    await expect(remove.execute(new DeleteClinician(admin, clinicianId))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(clinicians.eventNames.slice(1)).toEqual([
      'clinicians.ClinicianActivationChanged',
      'clinicians.ClinicianDeleted',
    ]);
  });
});
