import {
  button,
  centreDateTime,
  checkedUrl,
  details,
  htmlDocument,
  money,
  paragraph,
} from './format';
import type { RenderedMessage } from './rendered-message';

export interface PaymentLinkData {
  patientName: string;
  clinicianName: string;
  centreName: string;
  centreTimeZone: string;
  /** The appointment being paid for. */
  startsAt: Date;
  /** In minor units (paise, cents) of `currency` (ISO 4217). */
  amountMinor: number;
  currency: string;
  payUrl: string;
  /** After this the link stops working (and the held slot may be released). */
  expiresAt?: Date;
}

/** A link to pay for an appointment. */
export function paymentLinkMessage(data: PaymentLinkData): RenderedMessage {
  const amount = money(data.amountMinor, data.currency);
  const when = centreDateTime(data.startsAt, data.centreTimeZone);
  const expiry = data.expiresAt
    ? ` The link expires on ${centreDateTime(data.expiresAt, data.centreTimeZone)}.`
    : '';
  const subject = `Pay ${amount} for your appointment with ${data.clinicianName}`;
  return {
    template: 'payment-link',
    subject,
    body: `Hello ${data.patientName}, please pay ${amount} for your appointment with ${data.clinicianName} at ${data.centreName} on ${when}: ${checkedUrl(data.payUrl)}${expiry}`,
    html: htmlDocument(subject, [
      paragraph(`Hello ${data.patientName},`),
      paragraph(`Please pay ${amount} for your appointment.`),
      details([
        ['When', when],
        ['With', data.clinicianName],
        ['Where', data.centreName],
        ['Amount', amount],
      ]),
      button(data.payUrl, `Pay ${amount}`),
      ...(expiry ? [paragraph(expiry.trim())] : []),
    ]),
  };
}
