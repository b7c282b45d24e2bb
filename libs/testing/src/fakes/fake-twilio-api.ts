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
/** The list's filters: `DateSent>` (and `<`, `=`) as the SDK sends them, `YYYY-MM-DDTHH:mm:ssZ` or a date. */
const DATE_SENT = /^DateSent([<>]?)$/;

/**
 * A local HTTP server speaking Twilio's Messages API the way Twilio does, for the real SDK to
 * be pointed at (TWILIO_API_BASE_URL): `POST /2010-04-01/Accounts/{sid}/Messages.json` with a
 * form body and basic auth answers 201 with a message resource (`SM...` sid, status `queued`);
 * wrong credentials 401 (20003); an unknown path 404 (20404). Every request is recorded.
 * `answerTo` scripts answers per recipient, e.g. `FakeTwilioApi.INVALID_TO` (400, 21211).
 * `GET .../Messages.json` lists the accepted messages, newest first, filtered by `To`, `From`
 * and `DateSent` / `DateSent>` / `DateSent<` like Twilio (`date_sent` is set on acceptance
 * here: the fake "sends" at once), `PageSize` per page. With `answerDelayMs` a message exists
 * (and is listed) as soon as its request arrives and the answer follows later, so a client
 * that dies meanwhile leaves a message it never heard about, as with the real Twilio.
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
  /** The message resources Twilio holds: every accepted message, as the list API shows them. */
  readonly messages: Array<Record<string, unknown> & { sid: string; to: string; body: string }> =
    [];
  /** How long each accepted message waits, already created, before the answer goes out. */
  answerDelayMs = 0;
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

  /** The messages accepted for `to` (`whatsapp:` prefix ignored): creations, not requests. */
  acceptedFor(to: string): FakeTwilioApi['messages'] {
    return this.messages.filter((m) => m.to.replace(/^whatsapp:/, '') === to);
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
    if (req.method === 'GET' && account && this.authorized(record, account)) {
      return answer(200, this.list(account, new URL(req.url ?? '', 'http://fake').searchParams));
    }
    if (req.method !== 'POST' || !account) {
      return error({
        status: 404,
        code: 20404,
        message: `The requested resource ${path} was not found`,
      });
    }
    if (!this.authorized(record, account)) {
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
    const now = twilioDate(new Date());
    const uri = `/2010-04-01/Accounts/${account}/Messages/${sid}`;
    const resource = {
      account_sid: account,
      api_version: '2010-04-01',
      body: form.Body,
      date_created: now,
      date_sent: now,
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
    };
    this.messages.push(resource);
    record.status = 201;
    if (this.answerDelayMs) await new Promise((r) => setTimeout(r, this.answerDelayMs));
    // The client may be gone by now (killed): the message stays accepted all the same.
    if (!res.destroyed) answer(201, { ...resource, date_sent: null });
  }

  private authorized(record: TwilioApiRequest, account: string): boolean {
    return (
      record.auth?.username === this.accountSid &&
      record.auth.password === this.authToken &&
      account === this.accountSid
    );
  }

  private list(account: string, query: URLSearchParams): Record<string, unknown> {
    const to = query.get('To');
    const from = query.get('From');
    const pageSize = Math.min(Number(query.get('PageSize') ?? 50) || 50, 1000);
    const page = Number(query.get('Page') ?? 0) || 0;
    const dateFilters = [...query.entries()].flatMap(([key, value]) => {
      const op = DATE_SENT.exec(key)?.[1];
      return op === undefined
        ? []
        : [{ op, at: new Date(value).getTime(), day: !value.includes('T') }];
    });
    const matches = this.messages
      .filter((m) => (!to || m.to === to) && (!from || m.from === from))
      .filter((m) =>
        dateFilters.every(({ op, at, day }) => {
          const sent = new Date(m.date_sent as string).getTime();
          const value = day
            ? Math.floor(sent / 86_400_000) * 86_400_000
            : Math.floor(sent / 1000) * 1000;
          return op === '>' ? value >= at : op === '<' ? value <= at : value === at;
        }),
      )
      .reverse();
    const slice = matches.slice(page * pageSize, (page + 1) * pageSize);
    const base = `/2010-04-01/Accounts/${account}/Messages.json`;
    const more = (page + 1) * pageSize < matches.length;
    const pageUri = (n: number) => {
      const q = new URLSearchParams(query);
      q.set('Page', String(n));
      q.set('PageSize', String(pageSize));
      return `${base}?${q.toString()}`;
    };
    return {
      messages: slice,
      end: page * pageSize + Math.max(slice.length - 1, 0),
      first_page_uri: pageUri(0),
      next_page_uri: more ? pageUri(page + 1) : null,
      previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      page,
      page_size: pageSize,
      start: page * pageSize,
      uri: pageUri(page),
    };
  }
}

/** Twilio's RFC 2822 dates: `Wed, 18 Aug 2010 20:01:40 +0000`. */
function twilioDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
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
