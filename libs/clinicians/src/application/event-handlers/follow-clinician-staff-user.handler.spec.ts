import { Role } from '@carebook/core';
import { StaffUserDeactivated, StaffUserDeleted } from '@carebook/identity';
import { FixedClock } from '@carebook/testing';
import {
  aStaffActor,
  clinicianInput,
  FakeCentreDirectory,
  FakeStaffAccounts,
  ImmediateUnitOfWork,
  InMemoryClinicians,
} from '../../testing/clinician-fakes';
import { CreateClinician } from '../commands/create-clinician/create-clinician.command';
import { CreateClinicianHandler } from '../commands/create-clinician/create-clinician.handler';
import { GetClinician } from '../queries/get-clinician/get-clinician.query';
import { GetClinicianHandler } from '../queries/get-clinician/get-clinician.handler';
import { FollowClinicianStaffUser } from './follow-clinician-staff-user.handler';

describe('FollowClinicianStaffUser and GetClinician', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  const uow = new ImmediateUnitOfWork().asUnitOfWork();

  /** A clinician created by an ADMIN in fresh in-memory stores. */
  const aClinician = async () => {
    const clinicians = new InMemoryClinicians();
    const staff = new FakeStaffAccounts();
    const create = new CreateClinicianHandler(
      clinicians,
      staff,
      new FakeCentreDirectory(),
      uow,
      clock,
    );
    const dto = await create.execute(
      new CreateClinician(aStaffActor(Role.ADMIN), clinicianInput()),
    );
    return { clinicians, staff, dto };
  };

  it('removes the profile of a deleted CLINICIAN user once, and ignores other users', async () => {
    const { clinicians, dto } = await aClinician();
    const handler = new FollowClinicianStaffUser(clinicians, uow, clock);
    await handler.handle(new StaffUserDeleted('9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11', clock.now()));
    expect(await clinicians.findById(dto.id)).toBeDefined();
    const event = new StaffUserDeleted(dto.userId, clock.now());
    await handler.handle(event);
    await handler.handle(event);
    expect(await clinicians.findById(dto.id)).toBeUndefined();
    expect(clinicians.eventNames).toEqual([
      'clinicians.ClinicianCreated',
      'clinicians.ClinicianDeleted',
    ]);
  });

  it('deactivates the profile of a deactivated CLINICIAN user once, and ignores other users', async () => {
    const { clinicians, dto } = await aClinician();
    const handler = new FollowClinicianStaffUser(clinicians, uow, clock);
    await handler.handle(
      new StaffUserDeactivated('9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11', clock.now()),
    );
    expect((await clinicians.findById(dto.id))!.snapshot().isActive).toBe(true);
    const event = new StaffUserDeactivated(dto.userId, clock.now());
    await handler.handle(event);
    await handler.handle(event);
    expect((await clinicians.findById(dto.id))!.snapshot().isActive).toBe(false);
    expect(clinicians.eventNames).toEqual([
      'clinicians.ClinicianCreated',
      'clinicians.ClinicianActivationChanged',
    ]);
  });

  it('shows an inactive clinician only to themself and their managers', async () => {
    const { clinicians, staff, dto } = await aClinician();
    const get = new GetClinicianHandler(clinicians, staff);
    expect(await get.execute(new GetClinician(dto.id))).toEqual(dto);
    const clinician = (await clinicians.findById(dto.id))!;
    clinician.toggleActive(clock.now());
    await clinicians.save(clinician);
    await expect(get.execute(new GetClinician(dto.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const self = aStaffActor(Role.CLINICIAN, [], dto.userId);
    expect((await get.execute(new GetClinician(dto.id, self))).isActive).toBe(false);
    staff.users.clear();
    await expect(get.execute(new GetClinician(dto.id, self))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
