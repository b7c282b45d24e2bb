import { htmlDocument, paragraph } from './format';
import type { RenderedMessage } from './rendered-message';

export interface OtpMessageData {
  /** The one-time code, e.g. `482913`. */
  code: string;
  minutesValid: number;
}

/** A sign-in code. Sensitive: the body is erased once delivered and never logged. */
export function otpMessage({ code, minutesValid }: OtpMessageData): RenderedMessage {
  const body = `Your carebook code is ${code}. It expires in ${minutesValid} minutes. Never share it with anyone, carebook staff included.`;
  return {
    template: 'otp',
    subject: 'Your carebook sign-in code',
    body,
    html: htmlDocument('Your carebook sign-in code', [
      paragraph('Your carebook sign-in code is'),
      {
        html: `<p style="font-size:28px;letter-spacing:6px"><strong>${code.replace(/\D/g, '')}</strong></p>`,
      },
      paragraph(
        `It expires in ${minutesValid} minutes. Never share it with anyone, carebook staff included.`,
      ),
    ]),
    sensitive: true,
  };
}
