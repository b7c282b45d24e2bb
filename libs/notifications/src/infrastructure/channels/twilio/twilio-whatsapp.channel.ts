import type { TwilioConfig } from '@carebook/core';
import type { Channel } from '../../../domain/channel';
import {
  ChannelReceipt,
  MessageChannel,
  OutgoingMessage,
} from '../../../application/ports/message-channel';
import { TWILIO_MAX_SEND_MS, TwilioMessagesClient } from './twilio-messages.client';

/**
 * WhatsApp through Twilio, from TWILIO_WHATSAPP_FROM. Free text reaches a user only inside
 * WhatsApp's 24-hour service window; outside it Twilio accepts the message and reports it
 * undelivered (error 63016) through the status callback.
 */
export class TwilioWhatsAppChannel extends MessageChannel {
  readonly channel: Channel = 'WHATSAPP';
  override readonly maxSendMs = TWILIO_MAX_SEND_MS;

  constructor(
    private readonly twilio: TwilioMessagesClient,
    private readonly config: Pick<TwilioConfig, 'whatsappFrom' | 'statusCallbackUrl'> & {
      whatsappFrom: string;
    },
  ) {
    super();
  }

  send(message: OutgoingMessage): Promise<ChannelReceipt> {
    const { whatsappFrom, statusCallbackUrl } = this.config;
    return this.twilio.send(message, {
      to: `whatsapp:${message.to}`,
      from: `whatsapp:${whatsappFrom}`,
      body: message.body,
      ...(statusCallbackUrl && { statusCallback: statusCallbackUrl }),
    });
  }

  override findAccepted(message: OutgoingMessage, since: Date): Promise<ChannelReceipt[]> {
    const { whatsappFrom } = this.config;
    return this.twilio.findAccepted(
      { to: `whatsapp:${message.to}`, from: `whatsapp:${whatsappFrom}`, body: message.body },
      since,
    );
  }
}
