import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAddress } from 'smtp-server';
import { leaves, MimePart, parseMime } from './mime';

/** One message as the fake SMTP server received it, with its MIME parts read back. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The user that authenticated on the connection, if any. */
  user?: string;
  headers: Record<string, string>;
  subject: string;
  text?: string;
  html?: string;
  attachments: { filename?: string; contentType: string; content: string }[];
  raw: string;
}

/**
 * A local SMTP server (the `smtp-server` package) on an ephemeral loopback port, for tests
 * that send real e-mail through nodemailer. Plain SMTP with AUTH (no STARTTLS, so the
 * client's default certificate checks never meet a self-signed certificate). Records every
 * message; `answerRecipient` scripts SMTP error replies at RCPT TO.
 */
export class FakeSmtpServer {
  readonly received: ReceivedMail[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly rejected = new Map<string, number>();

  private readonly server: SMTPServer;
  private listeningPort = 0;

  private constructor(private readonly credentials: { username: string; password: string }) {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      closeTimeout: 500,
      onAuth: (auth, _session, callback) =>
        auth.username === credentials.username && auth.password === credentials.password
          ? callback(null, { user: auth.username })
          : callback(smtpError(535, '5.7.8 Authentication credentials invalid')),
      onRcptTo: (address, _session, callback) => callback(this.rcptAnswer(address)),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.record(Buffer.concat(chunks).toString('utf8'), session);
          callback(null, 'Queued');
        });
      },
    });
  }

  static async start(
    credentials = { username: 'carebook', password: 'smtp-test-password' },
  ): Promise<FakeSmtpServer> {
    const fake = new FakeSmtpServer(credentials);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server.server, 'listening');
    fake.listeningPort = (fake.server.server.address() as AddressInfo).port;
    return fake;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** `smtp://user:pass@127.0.0.1:<port>`, for SMTP_URL. */
  get url(): string {
    const { username, password } = this.credentials;
    return `smtp://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}`;
  }

  /** The next RCPT TO for `address` get these reply codes, one each (e.g. 451, then accepted). */
  answerRecipient(address: string, ...codes: number[]): this {
    this.scripts.set(address.toLowerCase(), [
      ...(this.scripts.get(address.toLowerCase()) ?? []),
      ...codes,
    ]);
    return this;
  }

  /** Every RCPT TO for `address` is refused with `code` (550: no such mailbox). */
  rejectRecipient(address: string, code = 550): this {
    this.rejected.set(address.toLowerCase(), code);
    return this;
  }

  mailTo(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelope.to.includes(address.toLowerCase()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private rcptAnswer(address: SMTPServerAddress): Error | null {
    const key = address.address.toLowerCase();
    const code = this.scripts.get(key)?.shift() ?? this.rejected.get(key);
    if (!code || code < 400) return null;
    const text =
      code >= 500 ? '5.1.1 Recipient address rejected: no such mailbox' : '4.7.1 Try again later';
    return smtpError(code, text);
  }

  private record(
    raw: string,
    session: {
      envelope: { mailFrom: SMTPServerAddress | false; rcptTo: SMTPServerAddress[] };
      user?: unknown;
    },
  ): void {
    const root = parseMime(raw);
    const parts = leaves(root);
    const inline = (type: string) => parts.find((p) => p.type === type && !p.attachment)?.body;
    this.received.push({
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      },
      user: typeof session.user === 'string' ? session.user : undefined,
      headers: root.headers,
      subject: root.headers.subject ?? '',
      text: inline('text/plain'),
      html: inline('text/html'),
      attachments: parts
        .filter((p: MimePart) => p.attachment || !['text/plain', 'text/html'].includes(p.type))
        .map((p) => ({ filename: p.filename, contentType: p.type, content: p.body })),
      raw,
    });
  }
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
