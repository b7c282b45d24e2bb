import type { TwilioConfig } from '@carebook/core';
import type { Channel } from '../../../domain/channel';
import {
  ChannelReceipt,
  MessageChannel,
  OutgoingMessage,
} from '../../../application/ports/message-channel';
import { TWILIO_MAX_SEND_MS, TwilioMessagesClient } from './twilio-messages.client';

/** SMS through Twilio, from TWILIO_SMS_FROM (a number, or a Messaging Service SID `MG...`). */
export class TwilioSmsChannel extends MessageChannel {
  readonly channel: Channel = 'SMS';
  override readonly maxSendMs = TWILIO_MAX_SEND_MS;

  constructor(
    private readonly twilio: TwilioMessagesClient,
    private readonly config: Pick<TwilioConfig, 'smsFrom' | 'statusCallbackUrl'> & {
      smsFrom: string;
    },
  ) {
    super();
  }

  send(message: OutgoingMessage): Promise<ChannelReceipt> {
    const { smsFrom, statusCallbackUrl } = this.config;
    const sender = smsFrom.startsWith('MG') ? { messagingServiceSid: smsFrom } : { from: smsFrom };
    return this.twilio.send(message, {
      to: message.to,
      ...sender,
      body: message.body,
      ...(statusCallbackUrl && { statusCallback: statusCallbackUrl }),
    });
  }

  override findAccepted(message: OutgoingMessage, since: Date): Promise<ChannelReceipt[]> {
    const { smsFrom } = this.config;
    const sender = smsFrom.startsWith('MG') ? { messagingServiceSid: smsFrom } : { from: smsFrom };
    return this.twilio.findAccepted({ to: message.to, ...sender, body: message.body }, since);
  }
}
