import { calendarEventErrors } from '../../domain/calendar-event';
import { centreDateTime, centreTime, zoneAbbreviation } from './format';
import {
  alertMessage,
  AppointmentConfirmationData,
  appointmentConfirmationMessage,
  appointmentReminderMessage,
  otpMessage,
  paymentLinkMessage,
} from './templates';

// 2026-03-29 is the day London moves to summer time (01:00 UTC): 08:30 UTC is 09:30 BST.
const londonMorning = new Date('2026-03-29T08:30:00Z');
const appointment = (
  overrides: Partial<AppointmentConfirmationData> = {},
): AppointmentConfirmationData => ({
  appointmentId: '0b0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11',
  patientName: 'Asha Rao',
  clinicianName: 'Dr Meera Iyer',
  centreName: 'carebook Indiranagar',
  centreAddress: '100 Feet Road, Bengaluru',
  centreTimeZone: 'Asia/Kolkata',
  startsAt: new Date('2026-03-29T04:00:00Z'), // 09:30 IST
  endsAt: new Date('2026-03-29T04:30:00Z'),
  sessionType: 'IN_PERSON',
  ...overrides,
});

describe('centre local time', () => {
  it.each([
    ['Europe/London', londonMorning, 'Sunday 29 March 2026 at 09:30 BST'],
    ['Europe/London', new Date('2026-03-28T09:30:00Z'), 'Saturday 28 March 2026 at 09:30 GMT'],
    ['Asia/Kolkata', new Date('2026-03-29T04:00:00Z'), 'Sunday 29 March 2026 at 09:30 IST'],
    ['America/New_York', new Date('2026-03-29T13:30:00Z'), 'Sunday 29 March 2026 at 09:30 EDT'],
    ['Asia/Dubai', new Date('2026-03-29T05:30:00Z'), 'Sunday 29 March 2026 at 09:30 GST'],
    ['Asia/Singapore', new Date('2026-03-29T01:30:00Z'), 'Sunday 29 March 2026 at 09:30 GMT+8'],
  ])('%s writes %s as "%s"', (zone, at, expected) => {
    expect(centreDateTime(at, zone)).toBe(expected);
  });

  it('refuses an unknown zone instead of writing a wrong time', () => {
    expect(() => centreTime(londonMorning, 'Mars/Olympus')).toThrow(RangeError);
    expect(zoneAbbreviation(londonMorning, 'UTC')).toBe('UTC');
  });
});

describe('templates', () => {
  it('OTP: the code in every part, marked sensitive', () => {
    const m = otpMessage({ code: '482913', minutesValid: 5 });
    expect(m).toMatchObject({ template: 'otp', sensitive: true });
    expect(m.body).toBe(
      'Your carebook code is 482913. It expires in 5 minutes. Never share it with anyone, carebook staff included.',
    );
    expect(m.html).toContain('482913');
  });

  it("confirmation: the centre's local time, the clinician, and a valid calendar invite", () => {
    const m = appointmentConfirmationMessage(appointment({ revision: 1 }));
    expect(m.template).toBe('appointment-confirmation');
    expect(m.subject).toBe('Appointment confirmed: Dr Meera Iyer, Sun 29 Mar, 09:30 IST');
    expect(m.body).toBe(
      'Hello Asha Rao, your appointment with Dr Meera Iyer is confirmed for Sunday 29 March 2026 at 09:30 IST, at carebook Indiranagar (100 Feet Road, Bengaluru).',
    );
    expect(m.html).toContain('Sunday 29 March 2026 at 09:30 IST');
    expect(m.calendarEvent).toEqual({
      uid: '0b0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11',
      title: 'Appointment with Dr Meera Iyer',
      startsAt: '2026-03-29T04:00:00.000Z',
      endsAt: '2026-03-29T04:30:00.000Z',
      location: 'carebook Indiranagar, 100 Feet Road, Bengaluru',
      description: 'Dr Meera Iyer at carebook Indiranagar',
      status: 'CONFIRMED',
      sequence: 1,
    });
    expect(calendarEventErrors(m.calendarEvent!)).toEqual([]);
  });

  it('confirmation of a video consultation in London: BST, the join link, no address', () => {
    const m = appointmentConfirmationMessage(
      appointment({
        centreTimeZone: 'Europe/London',
        startsAt: londonMorning,
        endsAt: new Date('2026-03-29T09:00:00Z'),
        sessionType: 'ONLINE',
        joinUrl: 'https://meet.carebook.example/r/abc',
      }),
    );
    expect(m.body).toBe(
      'Hello Asha Rao, your appointment with Dr Meera Iyer is confirmed for Sunday 29 March 2026 at 09:30 BST, by video. Join: https://meet.carebook.example/r/abc',
    );
    expect(m.html).toContain('href="https://meet.carebook.example/r/abc"');
    expect(m.html).not.toContain('100 Feet Road');
    expect(m.calendarEvent).toMatchObject({
      location: 'https://meet.carebook.example/r/abc',
      url: 'https://meet.carebook.example/r/abc',
    });
  });

  it('reminders 24 h and 1 h before, with exact times and no relative days', () => {
    const day = appointmentReminderMessage(appointment(), '24h');
    expect(day.template).toBe('appointment-reminder-24h');
    expect(day.subject).toBe('Reminder: Dr Meera Iyer, Sun 29 Mar, 09:30 IST');
    expect(day.body).toBe(
      'Hello Asha Rao, a reminder of your appointment with Dr Meera Iyer on Sunday 29 March 2026 at 09:30 IST, at carebook Indiranagar (100 Feet Road, Bengaluru).',
    );
    const hour = appointmentReminderMessage(
      appointment({ centreTimeZone: 'Europe/London', startsAt: londonMorning }),
      '1h',
    );
    expect(hour.template).toBe('appointment-reminder-1h');
    expect(hour.subject).toBe('Starting soon: Dr Meera Iyer at 09:30 BST');
    expect(hour.body).toContain('starts soon, at 09:30 BST');
    for (const m of [day, hour]) {
      expect(`${m.subject} ${m.body}`).not.toMatch(/tomorrow|today/i);
      expect(m.calendarEvent).toBeUndefined();
    }
  });

  it('payment link: the amount in its currency, the link, and when it expires', () => {
    const m = paymentLinkMessage({
      patientName: 'Asha Rao',
      clinicianName: 'Dr Meera Iyer',
      centreName: 'carebook Indiranagar',
      centreTimeZone: 'Asia/Kolkata',
      startsAt: new Date('2026-03-29T04:00:00Z'),
      amountMinor: 150_000,
      currency: 'INR',
      payUrl: 'https://pay.carebook.example/l/xyz',
      expiresAt: new Date('2026-03-28T04:30:00Z'),
    });
    expect(m.subject).toBe('Pay ₹1,500.00 for your appointment with Dr Meera Iyer');
    expect(m.body).toBe(
      'Hello Asha Rao, please pay ₹1,500.00 for your appointment with Dr Meera Iyer at carebook Indiranagar on Sunday 29 March 2026 at 09:30 IST: https://pay.carebook.example/l/xyz The link expires on Saturday 28 March 2026 at 10:00 IST.',
    );
    expect(m.html).toContain('href="https://pay.carebook.example/l/xyz"');
    expect(() =>
      paymentLinkMessage({ ...paymentLinkBase(), payUrl: 'javascript:alert(1)' }),
    ).toThrow(RangeError);
  });

  it('alert: severity, patient, who raised it and when, in the centre time', () => {
    const m = alertMessage({
      patientName: 'Ravi Kumar',
      severity: 'CRITICAL',
      summary: 'SpO2 84% at rest.',
      centreName: 'carebook Indiranagar',
      centreTimeZone: 'Asia/Kolkata',
      raisedAt: new Date('2026-03-29T04:00:00Z'),
      raisedBy: 'Nurse Lakshmi',
      clinicianName: 'Dr Meera Iyer',
    });
    expect(m.subject).toBe('CRITICAL alert: Ravi Kumar (carebook Indiranagar)');
    expect(m.body).toBe(
      'CRITICAL alert for Ravi Kumar at carebook Indiranagar, raised by Nurse Lakshmi on Sunday 29 March 2026 at 09:30 IST: SpO2 84% at rest. Clinician: Dr Meera Iyer.',
    );
  });

  it('escapes every piece of data in the HTML part', () => {
    const m = appointmentConfirmationMessage(
      appointment({ patientName: '<script>alert("x")</script>', centreName: 'A & B' }),
    );
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(m.html).toContain('A &amp; B');
  });
});

function paymentLinkBase() {
  return {
    patientName: 'Asha Rao',
    clinicianName: 'Dr Meera Iyer',
    centreName: 'carebook Indiranagar',
    centreTimeZone: 'Asia/Kolkata',
    startsAt: new Date('2026-03-29T04:00:00Z'),
    amountMinor: 50_000,
    currency: 'INR',
    payUrl: 'https://pay.carebook.example/l/xyz',
  };
}
