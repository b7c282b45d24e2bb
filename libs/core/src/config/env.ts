/**
 * Typed, validated configuration. Every variable is read here and only here (`process.env` is
 * off limits elsewhere), grouped in one namespace per concern. A bad value stops start-up
 * with a message that names the variable.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  corsOrigins: string[] | '*';
  logLevel: string;
  devMessages: boolean;
  rateLimitPerMinute: number;
}
export interface DatabaseConfig {
  url: string;
  poolSize: number;
  /** Outbox stream this process writes and relays; one per installation (tests: one per suite). */
  outboxStream: string;
}
export interface RedisConfig {
  url: string;
  queuePrefix: string;
}
export interface AuthConfig {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  bootstrapAdmin?: { username: string; password: string; phone?: string };
}
export interface WorkerConfig {
  outboxPollMs: number;
}
/** Twilio (SMS and WhatsApp): present only when the account SID and auth token are set. */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** E.164 SMS sender or a Messaging Service SID (`MG...`); unset: no SMS channel. */
  smsFrom?: string;
  /** E.164 WhatsApp sender, without the `whatsapp:` prefix; unset: no WhatsApp channel. */
  whatsappFrom?: string;
  /** Where the SDK sends its requests instead of https://api.twilio.com (a local fake in tests). */
  apiBaseUrl?: string;
  /** The public URL Twilio posts delivery statuses to; signatures are checked against it. */
  statusCallbackUrl?: string;
}
/** SMTP e-mail: present only when SMTP_URL is set. */
export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://...:465`. */
  url: string;
  /** The From of every e-mail: `carebook <no-reply@example.com>` or a bare address. */
  from: string;
}
/** Message providers; a channel without one falls back to the `log` channel. */
export interface MessagingConfig {
  twilio?: TwilioConfig;
  smtp?: SmtpConfig;
}
export interface CarebookConfig {
  app: AppConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  worker: WorkerConfig;
  messaging: MessagingConfig;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;
const DEV_JWT_SECRET = 'carebook-development-secret-do-not-use-in-production';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback === undefined) this.problems.push(`${name} is required`);
    return fallback ?? '';
  }
  optional(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }
  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }
  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be 1/0 or true/false (got "${raw}")`);
    return fallback;
  }
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    if (!allowed.includes(raw as T)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }
  url(name: string, fallback: string, protocols: string[]): string {
    const value = this.str(name, fallback);
    if (!isUrl(value, protocols)) this.problems.push(`${name} must be a ${protocols.join(' or ')}// URL`);
    return value;
  }
  /** An optional URL; the value is never echoed (it may hold a password). */
  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.optional(name);
    if (value && !isUrl(value, protocols, true)) {
      this.problems.push(`${name} must be a ${protocols.join(' or ')}// URL with a host`);
    }
    return value;
  }
}

function isUrl(value: string, protocols: string[], needsHost = false): boolean {
  try {
    const parsed = new URL(value);
    return protocols.includes(parsed.protocol) && (!needsHost || parsed.hostname !== '');
  } catch {
    return false;
  }
}

const E164 = /^\+[1-9][0-9]{6,14}$/;
// A bare address or `Display Name <address>`; the SMTP server does the real checking.
const MAIL_FROM = /^(?:[^<>@\s][^<>@]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** The `messaging` namespace. Secrets (auth token, SMTP_URL with its password) are never echoed. */
function readMessaging(r: Reader): MessagingConfig {
  const accountSid = r.optional('TWILIO_ACCOUNT_SID');
  const authToken = r.optional('TWILIO_AUTH_TOKEN');
  const smsFrom = r.optional('TWILIO_SMS_FROM');
  const whatsappFrom = r.optional('TWILIO_WHATSAPP_FROM')?.replace(/^whatsapp:/i, '');
  const apiBaseUrl = r.optionalUrl('TWILIO_API_BASE_URL', ['https:', 'http:']);
  const statusCallbackUrl = r.optionalUrl('TWILIO_STATUS_CALLBACK_URL', ['https:', 'http:']);
  const anyTwilio = [accountSid, authToken, smsFrom, whatsappFrom, apiBaseUrl, statusCallbackUrl].some(Boolean);
  if (accountSid && !/^AC[0-9a-f]{32}$/i.test(accountSid)) {
    r.problems.push('TWILIO_ACCOUNT_SID must be an account SID: AC followed by 32 hexadecimal characters');
  }
  if (authToken && !/^[0-9a-f]{32}$/i.test(authToken)) {
    r.problems.push('TWILIO_AUTH_TOKEN must be the 32-character hexadecimal auth token of the account');
  }
  if (anyTwilio && (!accountSid || !authToken)) {
    r.problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must both be set when any TWILIO_* variable is set');
  }
  if (accountSid && authToken && !smsFrom && !whatsappFrom) {
    r.problems.push('TWILIO_SMS_FROM or TWILIO_WHATSAPP_FROM must be set when Twilio is configured');
  }
  if (smsFrom && !E164.test(smsFrom) && !/^MG[0-9a-f]{32}$/i.test(smsFrom)) {
    r.problems.push(`TWILIO_SMS_FROM must be an E.164 number (+14155550123) or a Messaging Service SID (got "${smsFrom}")`);
  }
  if (whatsappFrom && !E164.test(whatsappFrom)) {
    r.problems.push(`TWILIO_WHATSAPP_FROM must be an E.164 number such as whatsapp:+14155550123 (got "${whatsappFrom}")`);
  }

  const smtpUrl = r.optionalUrl('SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = r.optional('MAIL_FROM');
  if (mailFrom && !MAIL_FROM.test(mailFrom)) {
    r.problems.push(`MAIL_FROM must be an e-mail address or "Name <address>" (got "${mailFrom}")`);
  }
  if (smtpUrl && !mailFrom) r.problems.push('MAIL_FROM must be set when SMTP_URL is set');

  return {
    twilio:
      accountSid && authToken
        ? { accountSid, authToken, smsFrom, whatsappFrom, apiBaseUrl, statusCallbackUrl }
        : undefined,
    smtp: smtpUrl && mailFrom ? { url: smtpUrl, from: mailFrom } : undefined,
  };
}

/** Reads and validates the whole configuration; throws ConfigValidationError listing every problem. */
export function loadConfig(env: Env = process.env): CarebookConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const cors = r.str('CORS_ORIGINS', production ? undefined : '*');
  const devMessages = r.bool('DEV_MESSAGES', false);
  if (production && devMessages) r.problems.push('DEV_MESSAGES must not be set when NODE_ENV=production');
  if (production && cors === '*') r.problems.push('CORS_ORIGINS must list origins (not *) when NODE_ENV=production');

  const jwtSecret = r.str('JWT_SECRET', production ? undefined : DEV_JWT_SECRET);
  if (jwtSecret && jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters');
  if (production && jwtSecret === DEV_JWT_SECRET) r.problems.push('JWT_SECRET must be set in production');

  const adminUser = r.optional('BOOTSTRAP_ADMIN_USERNAME');
  const adminPassword = r.optional('BOOTSTRAP_ADMIN_PASSWORD');
  if (Boolean(adminUser) !== Boolean(adminPassword)) {
    r.problems.push('BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (adminPassword && adminPassword.length < 10) {
    r.problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 10 characters');
  }
  const logLevel = r.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info');

  const config: CarebookConfig = {
    app: {
      nodeEnv,
      port: r.int('PORT', 3000, 1, 65535),
      corsOrigins: cors === '*' ? '*' : cors.split(',').map((o) => o.trim()).filter(Boolean),
      logLevel,
      devMessages,
      rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 300, 1, 1_000_000),
    },
    database: {
      url: r.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/carebook', ['postgres:', 'postgresql:']),
      poolSize: r.int('DATABASE_POOL_SIZE', 10, 1, 200),
      outboxStream: r.str('OUTBOX_STREAM', 'default'),
    },
    redis: {
      url: r.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
      queuePrefix: r.str('QUEUE_PREFIX', 'carebook'),
    },
    auth: {
      jwtSecret,
      accessTtlSeconds: r.int('JWT_ACCESS_TTL_SECONDS', 900, 60, 86400),
      refreshTtlSeconds: r.int('JWT_REFRESH_TTL_SECONDS', 7 * 86400, 3600, 90 * 86400),
      bootstrapAdmin:
        adminUser && adminPassword
          ? { username: adminUser, password: adminPassword, phone: r.optional('BOOTSTRAP_ADMIN_PHONE') }
          : undefined,
    },
    worker: { outboxPollMs: r.int('OUTBOX_POLL_MS', 200, 10, 60000) },
    messaging: readMessaging(r),
  };
  if (!/^[a-z0-9-]{1,40}$/.test(config.database.outboxStream)) {
    r.problems.push('OUTBOX_STREAM must be 1 to 40 lower-case letters, digits or dashes');
  }
  if (r.problems.length) throw new ConfigValidationError(r.problems);
  return config;
}
