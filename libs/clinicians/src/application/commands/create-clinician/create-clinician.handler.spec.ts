import { ConflictError, ForbiddenError, Role, ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import {
  aStaffActor,
  CENTRE_A as A,
  CENTRE_B as B,
  clinicianInput,
  FakeCentreDirectory,
  FakeStaffAccounts,
  ImmediateUnitOfWork,
  InMemoryClinicians,
} from '../../../testing/clinician-fakes';
import { CreateClinician } from './create-clinician.command';
import { CreateClinicianHandler } from './create-clinician.handler';

const UNKNOWN = '9a0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11';

describe('CreateClinicianHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let clinicians: InMemoryClinicians;
  let staff: FakeStaffAccounts;
  let uow: ImmediateUnitOfWork;
  let handler: CreateClinicianHandler;
  beforeEach(() => {
    clinicians = new InMemoryClinicians();
    staff = new FakeStaffAccounts();
    uow = new ImmediateUnitOfWork();
    handler = new CreateClinicianHandler(
      clinicians,
      staff,
      new FakeCentreDirectory(),
      uow.asUnitOfWork(),
      clock,
    );
  });

  it('creates the CLINICIAN staff user and the profile in one transaction', async () => {
    const dto = await handler.execute(
      new CreateClinician(
        aStaffActor(Role.ADMIN),
        clinicianInput({
          centreIds: [B],
          settings: { bufferAfterMinutes: 10, dailyCap: undefined },
        }),
      ),
    );
    const [user] = staff.users.values();
    expect(user).toMatchObject({
      fullName: 'Dr. Meera Iyer',
      centreIds: [A, B],
      phone: '+919800000111',
    });
    expect(uow.runs).toBe(1);
    expect(dto).toEqual({
      id: expect.any(String),
      userId: user.id,
      fullName: 'Dr. Meera Iyer',
      specializations: ['Cardiology'],
      qualifications: ['MBBS', 'MD'],
      languages: ['English', 'Tamil'],
      yearsOfExperience: 12,
      consultationFee: { amount: 80000, currency: 'INR' },
      consultationDurationMinutes: 20,
      bio: null,
      photoUrl: null,
      primaryCentreId: A,
      centreIds: [A, B].sort(),
      settings: {
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 10,
        minNoticeMinutes: 120,
        horizonDays: 60,
        dailyCap: null,
      },
      isActive: true,
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T09:00:00.000Z',
    });
    expect(clinicians.eventNames).toEqual(['clinicians.ClinicianCreated']);
    expect(clinicians.events[0]).toMatchObject({ city: 'Bengaluru', primaryCentreId: A });
  });

  it('lets a centre manager create for their centre, and refuses another centre with FORBIDDEN', async () => {
    const cmA = aStaffActor(Role.CENTRE_MANAGER, [A]);
    await handler.execute(new CreateClinician(cmA, clinicianInput()));
    await expect(
      handler.execute(new CreateClinician(cmA, clinicianInput({ centreIds: [B] }))),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(new CreateClinician(cmA, clinicianInput({ primaryCentreId: B }))),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handler.execute(new CreateClinician(aStaffActor(Role.FRONT_DESK, [A]), clinicianInput())),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(staff.calls).toEqual(['register']);
  });

  it('names unknown centres and a bad profile before creating anyone', async () => {
    const admin = aStaffActor(Role.ADMIN);
    const unknown = handler.execute(
      new CreateClinician(admin, clinicianInput({ centreIds: [B, UNKNOWN] })),
    );
    await expect(unknown).rejects.toMatchObject({ errors: [{ field: 'centreIds[1]' }] });
    const bad = handler.execute(
      new CreateClinician(admin, clinicianInput({ consultationDurationMinutes: 1, languages: [] })),
    );
    await expect(bad).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(bad).rejects.toMatchObject({
      errors: [{ field: 'languages' }, { field: 'consultationDurationMinutes' }],
    });
    expect(staff.calls).toEqual([]);
    expect(clinicians.rows.size).toBe(0);
  });

  it("passes identity's refusal on and saves no profile", async () => {
    staff.failNext = new ConflictError('phone taken');
    await expect(
      handler.execute(new CreateClinician(aStaffActor(Role.ADMIN), clinicianInput())),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(clinicians.rows.size).toBe(0);
  });
});
