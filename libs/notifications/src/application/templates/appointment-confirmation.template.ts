import {
  button,
  centreDateTime,
  checkedUrl,
  details,
  htmlDocument,
  paragraph,
  shortCentreDateTime,
} from './format';
import type { AppointmentMessageData, RenderedMessage } from './rendered-message';

export interface AppointmentConfirmationData extends AppointmentMessageData {
  /** 0 for the first confirmation, +1 for each reschedule (replaces the calendar entry). */
  revision?: number;
}

/** The booking is confirmed; the e-mail attaches the appointment as an `.ics` invite. */
export function appointmentConfirmationMessage(data: AppointmentConfirmationData): RenderedMessage {
  const when = centreDateTime(data.startsAt, data.centreTimeZone);
  const where = whereText(data);
  const body = [
    `Hello ${data.patientName}, your appointment with ${data.clinicianName} is confirmed for ${when}, ${where}.`,
    data.sessionType === 'ONLINE' && data.joinUrl ? `Join: ${checkedUrl(data.joinUrl)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const subject = `Appointment confirmed: ${data.clinicianName}, ${shortCentreDateTime(data.startsAt, data.centreTimeZone)}`;
  return {
    template: 'appointment-confirmation',
    subject,
    body,
    html: htmlDocument(subject, [
      paragraph(`Hello ${data.patientName},`),
      paragraph(`Your appointment with ${data.clinicianName} is confirmed.`),
      appointmentDetails(data),
      ...(data.sessionType === 'ONLINE' && data.joinUrl
        ? [button(data.joinUrl, 'Join the video consultation')]
        : []),
      paragraph('The attached invite adds it to your calendar.'),
    ]),
    calendarEvent: {
      uid: data.appointmentId,
      title: `Appointment with ${data.clinicianName}`,
      startsAt: data.startsAt.toISOString(),
      endsAt: data.endsAt.toISOString(),
      location:
        data.sessionType === 'ONLINE'
          ? (data.joinUrl ?? 'Video consultation')
          : [data.centreName, data.centreAddress].filter(Boolean).join(', '),
      description: `${data.clinicianName} at ${data.centreName}`,
      ...(data.joinUrl && { url: checkedUrl(data.joinUrl) }),
      status: 'CONFIRMED',
      sequence: data.revision ?? 0,
    },
  };
}

/** `at carebook Indiranagar (100 Feet Road)` or `by video`. */
export function whereText(data: AppointmentMessageData): string {
  if (data.sessionType === 'ONLINE') return 'by video';
  return `at ${data.centreName}${data.centreAddress ? ` (${data.centreAddress})` : ''}`;
}

/** The when/who/where table every appointment e-mail shows. */
export function appointmentDetails(data: AppointmentMessageData) {
  return details([
    ['When', centreDateTime(data.startsAt, data.centreTimeZone)],
    ['With', data.clinicianName],
    ['Where', data.sessionType === 'ONLINE' ? 'Video consultation' : data.centreName],
    ['Address', data.sessionType === 'ONLINE' ? undefined : data.centreAddress],
  ]);
}
