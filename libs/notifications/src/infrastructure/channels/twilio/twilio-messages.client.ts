import type { TwilioConfig } from '@carebook/core';
import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type {
  MessageListInstanceCreateOptions,
  MessageListInstanceOptions,
} from 'twilio/lib/rest/api/v2010/account/message';
import type { ChannelReceipt, OutgoingMessage } from '../../../application/ports/message-channel';
import { maskRecipient } from '../../../domain/recipient';
import { twilioChannelError } from './twilio-errors';

/**
 * The header Twilio reads as an idempotency key. The SDK's `messages.create(params, callback)`
 * takes no headers, so the key rides in an AsyncLocalStorage from `send` to the HTTP client.
 */
export const IDEMPOTENCY_HEADER = 'I-Twilio-Idempotency-Token';
/** A request that has not answered by then is abandoned (and the message retried). */
const REQUEST_TIMEOUT_MS = 15_000;

type CreateMessage = (params: MessageListInstanceCreateOptions) => Promise<{ sid: string }>;
type ListMessages = (
  params: MessageListInstanceOptions,
) => Promise<Array<{ sid: string; body: string; messagingServiceSid?: string | null }>>;
/** Twilio takes this long at most to answer (then the request is abandoned), plus a margin. */
export const TWILIO_MAX_SEND_MS = REQUEST_TIMEOUT_MS + 5_000;
/** Clocks differ: look this much further back than the attempt for a match. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Twilio's Messages API through the official SDK, shared by the SMS and WhatsApp channels.
 * The SDK is loaded only when Twilio is configured (it costs ~0.3 s to require).
 */
export class TwilioMessagesClient {
  private readonly logger = new Logger('TwilioChannel');

  private constructor(
    private readonly createMessage: CreateMessage,
    private readonly listMessages: ListMessages,
    private readonly idempotencyKeys: AsyncLocalStorage<string>,
  ) {}

  static async connect(config: TwilioConfig): Promise<TwilioMessagesClient> {
    const { default: twilio } = await import('twilio');
    const keys = new AsyncLocalStorage<string>();
    const base = config.apiBaseUrl;
    /**
     * The SDK's supported seam is `httpClient`: every request passes through it with the URL
     * already built on https://api.twilio.com (edge and region only rename that host), so
     * this is the one place to point it at TWILIO_API_BASE_URL and to add the key header.
     */
    class CarebookRequestClient extends twilio.RequestClient {
      override request<T>(opts: RequestClient.RequestOptions<T>) {
        const key = keys.getStore();
        const headers = key ? { ...opts.headers, [IDEMPOTENCY_HEADER]: key } : opts.headers;
        return super.request({ ...opts, uri: base ? rebase(opts.uri, base) : opts.uri, headers });
      }
    }
    const httpClient = new CarebookRequestClient({ timeout: REQUEST_TIMEOUT_MS, keepAlive: true });
    // Never 'debug': the SDK would print request bodies (OTPs among them) to stdout.
    const client = twilio(config.accountSid, config.authToken, { httpClient, logLevel: 'info' });
    return new TwilioMessagesClient(
      (params) => client.messages.create(params),
      (params) => client.messages.list(params),
      keys,
    );
  }

  /**
   * Sends one message; resolves with Twilio's SID once Twilio has queued it. Throws the port's
   * errors (see `twilioChannelError`); neither the body nor the full number reaches the log.
   */
  async send(
    message: OutgoingMessage,
    params: MessageListInstanceCreateOptions,
  ): Promise<ChannelReceipt> {
    let sid: string;
    try {
      ({ sid } = await this.idempotencyKeys.run(message.id, () => this.createMessage(params)));
    } catch (error) {
      throw twilioChannelError(error, message.to);
    }
    this.logger.log(
      `message ${message.id} (${message.template}) to ${maskRecipient(message.to)} accepted by Twilio as ${sid} (${message.channel})`,
    );
    return { providerMessageId: sid };
  }

  /**
   * The messages Twilio accepted like `sent` since `since` (`MessageChannel.findAccepted`):
   * Twilio's Messages list (`GET .../Messages.json`) filtered by `To`, `From` and `DateSent>`,
   * then the exact text (and the Messaging Service when sending through one), newest first
   * as Twilio lists them. Throws the port's errors like `send`.
   */
  async findAccepted(
    sent: { to: string; from?: string; messagingServiceSid?: string; body: string },
    since: Date,
  ): Promise<ChannelReceipt[]> {
    let listed: Awaited<ReturnType<ListMessages>>;
    try {
      listed = await this.listMessages({
        to: sent.to,
        ...(sent.from && { from: sent.from }),
        dateSentAfter: new Date(since.getTime() - CLOCK_SKEW_MS),
        limit: 200,
      });
    } catch (error) {
      throw twilioChannelError(error, sent.to);
    }
    return listed
      .filter((m) => m.body === sent.body)
      .filter(
        (m) => !sent.messagingServiceSid || m.messagingServiceSid === sent.messagingServiceSid,
      )
      .map((m) => ({ providerMessageId: m.sid }));
  }
}

/** `https://api.twilio.com/2010-04-01/...` -> `<base>/2010-04-01/...` (a path in base is kept). */
export function rebase(uri: string, base: string): string {
  const target = new URL(uri);
  const to = new URL(base);
  return `${to.origin}${to.pathname.replace(/\/+$/, '')}${target.pathname}${target.search}`;
}
