import { MESSAGING_CONFIG } from '@carebook/core';
import type { MessagingConfig } from '@carebook/core';
import type { FactoryProvider } from '@nestjs/common';
import { MessageChannel } from '../../application/ports/message-channel';
import { SmtpEmailChannel } from './smtp/smtp-email.channel';
import { TwilioMessagesClient } from './twilio/twilio-messages.client';
import { TwilioSmsChannel } from './twilio/twilio-sms.channel';
import { TwilioWhatsAppChannel } from './twilio/twilio-whatsapp.channel';

/** DI token: the adapters of the channels whose provider is configured (maybe none). */
export const PROVIDER_CHANNELS = Symbol('PROVIDER_CHANNELS');

/**
 * SMS and WhatsApp when Twilio is configured with their sender, e-mail when SMTP is. Nothing
 * connects here: SMTP opens its pool and Twilio its sockets on the first message.
 */
export const providerChannels: FactoryProvider<MessageChannel[]> = {
  provide: PROVIDER_CHANNELS,
  inject: [MESSAGING_CONFIG],
  useFactory: async ({ twilio, smtp }: MessagingConfig): Promise<MessageChannel[]> => {
    const adapters: MessageChannel[] = [];
    if (twilio) {
      const client = await TwilioMessagesClient.connect(twilio);
      const { smsFrom, whatsappFrom, statusCallbackUrl } = twilio;
      if (smsFrom) adapters.push(new TwilioSmsChannel(client, { smsFrom, statusCallbackUrl }));
      if (whatsappFrom) {
        adapters.push(new TwilioWhatsAppChannel(client, { whatsappFrom, statusCallbackUrl }));
      }
    }
    if (smtp) adapters.push(new SmtpEmailChannel(smtp));
    return adapters;
  },
};
