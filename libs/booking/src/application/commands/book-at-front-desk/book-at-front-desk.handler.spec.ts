import { ForbiddenError, NotFoundError, Role, ValidationFailedError } from '@carebook/core';
import { SlotUnavailableError } from '../../../domain/appointment.errors';
import { bookingWorld } from '../../../testing/booking-fakes';
import { BookAtFrontDesk, BookAtFrontDeskInput } from './book-at-front-desk.command';
import { BookAtFrontDeskHandler } from './book-at-front-desk.handler';

const desk = { kind: 'staff' as const, id: 'desk-1', role: Role.FRONT_DESK, centreIds: ['ctr-a'] };

describe('BookAtFrontDeskHandler', () => {
  const setup = () => {
    const w = bookingWorld(new Date('2026-03-03T03:40:00Z')); // Tue 09:10 IST
    const handler = new BookAtFrontDeskHandler(
      w.appointments,
      w.patients,
      w.calendar,
      w.uow,
      w.clock,
    );
    const book = (input: Partial<BookAtFrontDeskInput> = {}, actor = desk, key?: string) =>
      handler.execute(
        new BookAtFrontDesk(
          actor,
          {
            patientId: 'pat-1',
            clinicianId: 'clin-1',
            centreId: 'ctr-a',
            startsAt: new Date('2026-03-03T04:00:00Z'), // 09:30 IST, within the 2 h notice
            sessionType: 'IN_PERSON',
            source: 'WALK_IN',
            ...input,
          },
          key,
        ),
      );
    return { w, book };
  };

  it('books a walk-in CONFIRMED at once, ignoring the minimum notice', async () => {
    const { book } = setup();
    const { appointment } = await book();
    expect(appointment).toMatchObject({
      status: 'CONFIRMED',
      source: 'WALK_IN',
      holdExpiresAt: null,
      paymentStatus: 'UNPAID',
    });
  });

  it('registers a new patient through the patients context', async () => {
    const { w, book } = setup();
    const { appointment } = await book({
      patientId: undefined,
      patient: { fullName: 'Ravi Kumar', phone: '+919876500001' },
    });
    expect(w.patients.registered).toEqual([
      { actor: desk, fullName: 'Ravi Kumar', phone: '+919876500001' },
    ]);
    expect(appointment.patientId).toBe('new-1');
  });

  it('wants exactly one of patientId and patient', async () => {
    const { book } = setup();
    await expect(
      book({ patient: { fullName: 'X', phone: '+919876500002' } }),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(book({ patientId: undefined })).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('refuses another centre, a non-desk role, an unknown patient and a started slot', async () => {
    const { book } = setup();
    await expect(book({}, { ...desk, centreIds: ['ctr-b'] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(book({}, { ...desk, role: Role.CLINICIAN })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(book({}, { kind: 'patient', id: 'pat-1' } as never)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(book({ patientId: 'ghost' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(book({ startsAt: new Date('2026-03-03T03:30:00Z') })).rejects.toBeInstanceOf(
      SlotUnavailableError,
    );
    const admin = { kind: 'staff' as const, id: 'adm', role: Role.ADMIN, centreIds: [] };
    expect((await book({}, admin)).appointment.status).toBe('CONFIRMED');
  });
});
