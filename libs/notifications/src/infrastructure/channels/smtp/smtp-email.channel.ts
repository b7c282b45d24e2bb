import type { SmtpConfig } from '@carebook/core';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { ChannelReceipt, OutgoingMessage } from '../../../application/ports/message-channel';
import { MessageChannel } from '../../../application/ports/message-channel';
import type { Channel } from '../../../domain/channel';
import { maskRecipient } from '../../../domain/recipient';
import { calendarInvite } from './calendar-invite';
import { smtpChannelError } from './smtp-errors';

/**
 * E-mail over SMTP (nodemailer, pooled connections): a text and an HTML part, and an `.ics`
 * attachment when the message carries an appointment. The Message-ID is derived from the
 * message id, so a resent copy is recognisably the same message.
 */
export class SmtpEmailChannel extends MessageChannel implements OnModuleDestroy {
  readonly channel: Channel = 'EMAIL';
  private readonly logger = new Logger('SmtpEmailChannel');
  private readonly transport;
  private readonly messageIdDomain: string;

  constructor(private readonly config: SmtpConfig) {
    super();
    this.transport = createTransport({
      url: config.url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // Message content never names local files or URLs to fetch.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'carebook.invalid';
  }

  async send(message: OutgoingMessage): Promise<ChannelReceipt> {
    const invite = message.calendarEvent && calendarInvite(message.calendarEvent);
    let messageId: string;
    try {
      ({ messageId } = await this.transport.sendMail({
        from: this.config.from,
        to: message.to,
        subject: message.subject ?? 'A message from carebook',
        messageId: `<${message.id}@${this.messageIdDomain}>`,
        text: message.body,
        html: message.html ?? textToHtml(message.body),
        attachments: invite
          ? [
              {
                filename: 'appointment.ics',
                content: invite,
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              },
            ]
          : [],
      }));
    } catch (error) {
      throw smtpChannelError(error, message.to);
    }
    this.logger.log(
      `message ${message.id} (${message.template}) to ${maskRecipient(message.to)} accepted by SMTP as ${messageId}`,
    );
    return { providerMessageId: messageId };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** A plain HTML part for a message given only as text (an OTP from identity, say). */
export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  const paragraphs = escaped.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body>${paragraphs.join('')}</body></html>`;
}
