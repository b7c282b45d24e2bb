import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

/** One request the fake received, and what it answered. */
export interface TwilioApiRequest {
  method: string;
  path: string;
  /** Basic auth as sent (the account SID and auth token), or null. */
  auth: { username: string; password: string } | null;
  headers: IncomingHttpHeaders;
  /** The form body: To, From, Body, StatusCallback, ... */
  form: Record<string, string>;
  status: number;
  /** The SID given to an accepted message. */
  sid?: string;
}

/** How the fake answers one request: Twilio's HTTP status and error code. */
export interface FakeTwilioAnswer {
  status: number;
  code?: number;
  message?: string;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

/**
 * A local HTTP server speaking Twilio's Messages API the way Twilio does, for the real SDK to
 * be pointed at (TWILIO_API_BASE_URL): `POST /2010-04-01/Accounts/{sid}/Messages.json` with a
 * form body and basic auth answers 201 with a message resource (`SM...` sid, status `queued`);
 * wrong credentials 401 (20003); an unknown path 404 (20404). Every request is recorded.
 * `answerTo` scripts answers per recipient, e.g. `FakeTwilioApi.INVALID_TO` (400, 21211).
 */
export class FakeTwilioApi {
  static readonly INVALID_TO: FakeTwilioAnswer = {
    status: 400,
    code: 21211,
    message: "The 'To' number is not a valid phone number.",
  };
  static readonly UNSUBSCRIBED: FakeTwilioAnswer = {
    status: 400,
    code: 21610,
    message: 'Attempt to send to unsubscribed recipient',
  };
  static readonly SERVER_ERROR: FakeTwilioAnswer = {
    status: 500,
    code: 20500,
    message: 'An internal server error has occurred',
  };
  static readonly TOO_MANY_REQUESTS: FakeTwilioAnswer = {
    status: 429,
    code: 20429,
    message: 'Too Many Requests',
  };

  readonly requests: TwilioApiRequest[] = [];
  private readonly scripts = new Map<string, FakeTwilioAnswer[]>();

  private readonly server: Server;
  private listeningPort = 0;

  private constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(
    credentials = { accountSid: `AC${'7e57'.repeat(8)}`, authToken: '7e57'.repeat(8) },
  ): Promise<FakeTwilioApi> {
    const fake = new FakeTwilioApi(credentials.accountSid, credentials.authToken);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.listeningPort = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** `http://127.0.0.1:<port>`, for TWILIO_API_BASE_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next requests to `to` (`whatsapp:` prefix ignored) get these answers, one each. */
  answerTo(to: string, ...answers: FakeTwilioAnswer[]): this {
    const key = to.replace(/^whatsapp:/, '');
    this.scripts.set(key, [...(this.scripts.get(key) ?? []), ...answers]);
    return this;
  }

  /** Requests to `to` (`whatsapp:` prefix ignored), accepted or not, in order. */
  requestsTo(to: string): TwilioApiRequest[] {
    return this.requests.filter((r) => r.form.To?.replace(/^whatsapp:/, '') === to);
  }

  /** A status callback as Twilio would post it for `sid`, and its X-Twilio-Signature for `url`. */
  statusCallback(
    url: string,
    sid: string,
    status: string,
    extra: Record<string, string> = {},
  ): { form: Record<string, string>; signature: string } {
    const sent = this.requests.find((r) => r.sid === sid);
    const form = {
      AccountSid: this.accountSid,
      ApiVersion: '2010-04-01',
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: status,
      SmsStatus: status,
      From: sent?.form.From ?? '',
      To: sent?.form.To ?? '',
      ...extra,
    };
    return { form, signature: getExpectedTwilioSignature(this.authToken, url, form) };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const path = (req.url ?? '').split('?')[0];
    const record: TwilioApiRequest = {
      method: req.method ?? '',
      path,
      auth: basicAuth(req.headers.authorization),
      headers: req.headers,
      form,
      status: 0,
    };
    this.requests.push(record);
    const account = MESSAGES_PATH.exec(path)?.[1];
    const answer = (status: number, body: object) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const error = ({ status, code, message }: FakeTwilioAnswer) =>
      answer(status, {
        code,
        message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status,
      });
    if (req.method !== 'POST' || !account) {
      return error({
        status: 404,
        code: 20404,
        message: `The requested resource ${path} was not found`,
      });
    }
    if (
      record.auth?.username !== this.accountSid ||
      record.auth.password !== this.authToken ||
      account !== this.accountSid
    ) {
      return error({ status: 401, code: 20003, message: 'Authenticate' });
    }
    if (!form.To)
      return error({ status: 400, code: 21604, message: "A 'To' phone number is required." });
    if (!form.From && !form.MessagingServiceSid) {
      return error({ status: 400, code: 21603, message: "A 'From' phone number is required." });
    }
    if (!form.Body)
      return error({ status: 400, code: 21602, message: 'Message body is required.' });
    const scripted = this.scripts.get(form.To.replace(/^whatsapp:/, ''))?.shift();
    if (scripted) return error(scripted);

    const sid = `SM${randomBytes(16).toString('hex')}`;
    record.sid = sid;
    const now = new Date().toUTCString().replace('GMT', '+0000');
    const uri = `/2010-04-01/Accounts/${account}/Messages/${sid}`;
    answer(201, {
      account_sid: account,
      api_version: '2010-04-01',
      body: form.Body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: form.From ?? null,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid,
      status: form.MessagingServiceSid && !form.From ? 'accepted' : 'queued',
      subresource_uris: { media: `${uri}/Media.json` },
      to: form.To,
      uri: `${uri}.json`,
    });
  }
}

function basicAuth(header: string | undefined): TwilioApiRequest['auth'] {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? null
    : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
