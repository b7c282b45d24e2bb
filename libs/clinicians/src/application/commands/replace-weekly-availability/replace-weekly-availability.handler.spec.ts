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
import type { AvailabilityRuleInput } from '../../../domain/weekly-availability';
import { AddTimeOff } from '../add-time-off/add-time-off.command';
import { AddTimeOffHandler } from '../add-time-off/add-time-off.handler';
import { CreateClinician } from '../create-clinician/create-clinician.command';
import { CreateClinicianHandler } from '../create-clinician/create-clinician.handler';
import { RemoveTimeOff } from '../remove-time-off/remove-time-off.command';
import { RemoveTimeOffHandler } from '../remove-time-off/remove-time-off.handler';
import { ReplaceWeeklyAvailability } from './replace-weekly-availability.command';
import { ReplaceWeeklyAvailabilityHandler } from './replace-weekly-availability.handler';

const rule = (
  dayOfWeek: number,
  startTime: string,
  endTime: string,
  centreId = A,
): AvailabilityRuleInput => ({
  dayOfWeek,
  startTime,
  endTime,
  centreId,
  sessionType: 'IN_PERSON',
});
const admin = aStaffActor(Role.ADMIN);

describe('Schedule handlers: weekly availability and time off', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let clinicians: InMemoryClinicians;
  let uow: ImmediateUnitOfWork;
  let id: string;
  let self: ReturnType<typeof aStaffActor>;
  const replace = (
    actor: ReturnType<typeof aStaffActor>,
    rules: AvailabilityRuleInput[],
    clinicianId = id,
  ) =>
    new ReplaceWeeklyAvailabilityHandler(clinicians, uow.asUnitOfWork(), clock).execute(
      new ReplaceWeeklyAvailability(actor, clinicianId, rules),
    );
  const addTimeOff = (actor: ReturnType<typeof aStaffActor>, startsAt: string, endsAt: string) =>
    new AddTimeOffHandler(clinicians, uow.asUnitOfWork(), clock).execute(
      new AddTimeOff(actor, id, {
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        reason: 'Conference',
      }),
    );
  const removeTimeOff = (actor: ReturnType<typeof aStaffActor>, timeOffId: string) =>
    new RemoveTimeOffHandler(clinicians, uow.asUnitOfWork(), clock).execute(
      new RemoveTimeOff(actor, id, timeOffId),
    );

  beforeEach(async () => {
    clinicians = new InMemoryClinicians();
    uow = new ImmediateUnitOfWork();
    const create = new CreateClinicianHandler(
      clinicians,
      new FakeStaffAccounts(),
      new FakeCentreDirectory(),
      uow.asUnitOfWork(),
      clock,
    );
    const dto = await create.execute(
      new CreateClinician(admin, clinicianInput({ centreIds: [B] })),
    );
    id = dto.id;
    self = aStaffActor(Role.CLINICIAN, [A, B], dto.userId);
  });

  it('lets the clinician replace their own week and answers it with upcoming time off', async () => {
    await addTimeOff(self, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    await addTimeOff(self, '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z');
    const week = await replace(self, [
      rule(2, '14:00', '24:00', B),
      rule(1, '09:00', '13:00'),
      rule(1, '13:00', '14:00'),
    ]);
    expect(week.rules).toEqual([
      rule(1, '09:00', '13:00'),
      rule(1, '13:00', '14:00'),
      rule(2, '14:00', '24:00', B),
    ]);
    expect(week.timeOff).toEqual([
      {
        id: expect.any(String),
        startsAt: '2026-03-10T00:00:00.000Z',
        endsAt: '2026-03-11T00:00:00.000Z',
        reason: 'Conference',
      },
    ]);
    expect(clinicians.eventNames.slice(-1)).toEqual(['clinicians.AvailabilityChanged']);
  });

  it('answers another clinician and a manager of another centre 404, and changes nothing', async () => {
    for (const actor of [
      aStaffActor(Role.CLINICIAN, [A]),
      aStaffActor(Role.CENTRE_MANAGER, [C]),
      aStaffActor(Role.FRONT_DESK, [A]),
    ]) {
      await expect(replace(actor, [rule(1, '09:00', '10:00')])).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        addTimeOff(actor, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z'),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(clinicians.eventNames).toEqual(['clinicians.ClinicianCreated']);
  });

  it("lets a centre manager change rules at their centre only, keeping the others' rules as they are", async () => {
    await replace(admin, [rule(1, '09:00', '10:00', B)]);
    const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);
    await replace(cmA, [rule(1, '09:00', '10:00', B), rule(2, '09:00', '10:00')]);
    await expect(replace(cmA, [rule(2, '09:00', '10:00')])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(replace(cmA, [rule(1, '09:00', '11:00', B)])).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses overlapping rules with 400 naming rules[i], and unknown clinicians with 404', async () => {
    const overlap = replace(self, [rule(1, '09:00', '12:00'), rule(1, '11:00', '13:00', B)]);
    await expect(overlap).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(overlap).rejects.toMatchObject({ errors: [{ field: 'rules[1]' }] });
    await expect(replace(self, [], '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('adds and removes time off; unknown time off is 404', async () => {
    const off = await addTimeOff(self, '2026-03-10T09:00:00+05:30', '2026-03-10T18:00:00+05:30');
    expect(off).toEqual({
      id: expect.any(String),
      startsAt: '2026-03-10T03:30:00.000Z',
      endsAt: '2026-03-10T12:30:00.000Z',
      reason: 'Conference',
    });
    await expect(
      addTimeOff(self, '2026-03-10T09:00:00Z', '2026-03-10T09:00:00Z'),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    await removeTimeOff(aStaffActor(Role.CENTRE_MANAGER, [B]), off.id);
    await expect(removeTimeOff(self, off.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(clinicians.timeOff.size).toBe(0);
    expect(clinicians.eventNames.slice(1)).toEqual([
      'clinicians.TimeOffAdded',
      'clinicians.TimeOffRemoved',
    ]);
  });
});
