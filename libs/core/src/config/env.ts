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
export interface CarebookConfig {
  app: AppConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  worker: WorkerConfig;
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
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')}// URL`);
    }
    return value;
  }
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
  };
  if (r.problems.length) throw new ConfigValidationError(r.problems);
  return config;
}
