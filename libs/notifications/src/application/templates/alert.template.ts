import { button, centreDateTime, checkedUrl, details, htmlDocument, paragraph } from './format';
import type { RenderedMessage } from './rendered-message';

export interface AlertMessageData {
  patientName: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  /** What was observed, in a sentence (a vital sign out of range, a fall, ...). */
  summary: string;
  centreName: string;
  centreTimeZone: string;
  raisedAt: Date;
  /** The caregiver or clinician who raised it. */
  raisedBy: string;
  /** The clinician responsible for the patient, when there is one. */
  clinicianName?: string;
  /** Where staff open the alert. */
  url?: string;
}

/** A home-care alert to care coordinators and managers of the centre. */
export function alertMessage(data: AlertMessageData): RenderedMessage {
  const when = centreDateTime(data.raisedAt, data.centreTimeZone);
  const clinician = data.clinicianName ? ` Clinician: ${data.clinicianName}.` : '';
  const open = data.url ? ` Open: ${checkedUrl(data.url)}` : '';
  const subject = `${data.severity} alert: ${data.patientName} (${data.centreName})`;
  return {
    template: 'alert',
    subject,
    body: `${data.severity} alert for ${data.patientName} at ${data.centreName}, raised by ${data.raisedBy} on ${when}: ${data.summary}${clinician}${open}`,
    html: htmlDocument(subject, [
      paragraph(`${data.severity} alert for ${data.patientName}`),
      paragraph(data.summary),
      details([
        ['Raised', when],
        ['By', data.raisedBy],
        ['Centre', data.centreName],
        ['Clinician', data.clinicianName],
      ]),
      ...(data.url ? [button(data.url, 'Open the alert')] : []),
    ]),
  };
}
