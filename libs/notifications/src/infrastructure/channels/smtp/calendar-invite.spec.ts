import { calendarInvite } from './calendar-invite';

describe('calendarInvite', () => {
  it('writes a PUBLISH event in UTC with a stable uid, folding nothing away', () => {
    const ics = calendarInvite({
      uid: '0b0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11',
      title: 'Appointment with Dr Meera Iyer',
      startsAt: '2026-03-29T08:30:00.000Z',
      endsAt: '2026-03-29T09:00:00.000Z',
      location: 'carebook Indiranagar, 100 Feet Road, Bengaluru',
      description: 'In person',
      sequence: 2,
    });
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('METHOD:PUBLISH');
    expect(unfolded).toContain('UID:0b0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11@carebook');
    expect(unfolded).toContain('DTSTART:20260329T083000Z');
    expect(unfolded).toContain('DTEND:20260329T090000Z');
    expect(unfolded).toContain('SUMMARY:Appointment with Dr Meera Iyer');
    expect(unfolded).toContain('LOCATION:carebook Indiranagar\\, 100 Feet Road\\, Bengaluru');
    expect(unfolded).toContain('STATUS:CONFIRMED');
    expect(unfolded).toContain('SEQUENCE:2');
  });
});
