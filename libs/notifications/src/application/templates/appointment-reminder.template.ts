import { appointmentDetails, whereText } from './appointment-confirmation.template';
import {
  button,
  centreDateTime,
  centreTime,
  checkedUrl,
  htmlDocument,
  paragraph,
  shortCentreDateTime,
} from './format';
import type { AppointmentMessageData, RenderedMessage } from './rendered-message';

/** Which reminder: a day before, or an hour before the start. */
export type ReminderLead = '24h' | '1h';

/**
 * A reminder before an appointment. Relative words ("tomorrow", "today") are avoided: the job
 * may run late, and near midnight they would be wrong; the date and the time are exact.
 */
export function appointmentReminderMessage(
  data: AppointmentMessageData,
  lead: ReminderLead,
): RenderedMessage {
  const when = centreDateTime(data.startsAt, data.centreTimeZone);
  const join =
    data.sessionType === 'ONLINE' && data.joinUrl ? ` Join: ${checkedUrl(data.joinUrl)}` : '';
  const body =
    lead === '1h'
      ? `Hello ${data.patientName}, your appointment with ${data.clinicianName} starts soon, at ${centreTime(data.startsAt, data.centreTimeZone)}, ${whereText(data)}.${join}`
      : `Hello ${data.patientName}, a reminder of your appointment with ${data.clinicianName} on ${when}, ${whereText(data)}.${join}`;
  const subject =
    lead === '1h'
      ? `Starting soon: ${data.clinicianName} at ${centreTime(data.startsAt, data.centreTimeZone)}`
      : `Reminder: ${data.clinicianName}, ${shortCentreDateTime(data.startsAt, data.centreTimeZone)}`;
  return {
    template: `appointment-reminder-${lead}`,
    subject,
    body,
    html: htmlDocument(subject, [
      paragraph(`Hello ${data.patientName},`),
      paragraph(
        lead === '1h'
          ? `Your appointment with ${data.clinicianName} starts soon.`
          : `A reminder of your appointment with ${data.clinicianName}.`,
      ),
      appointmentDetails(data),
      ...(data.sessionType === 'ONLINE' && data.joinUrl
        ? [button(data.joinUrl, 'Join the video consultation')]
        : []),
    ]),
  };
}
