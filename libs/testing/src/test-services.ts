/**
 * Where the tests' PostgreSQL/PostGIS and Redis come from:
 * 1. DATABASE_URL / REDIS_URL when set (what `npm test` does after preparing them);
 * 2. else testcontainers (`postgis/postgis`, `redis`) when a Docker engine answers;
 * 3. else a clear message saying what to start.
 */
export interface TestServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/test/i.test(name)) {
    throw new Error(
      `Refusing to run tests against database "${name}": its name must contain "test". ` +
        'Set DATABASE_URL (or run `npm test`, which uses carebook_test).',
    );
  }
}

export async function resolveTestServices(): Promise<TestServices> {
  const { DATABASE_URL, REDIS_URL } = process.env;
  if (DATABASE_URL && REDIS_URL) return { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, stop: async () => undefined };
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const { RedisContainer } = await import('@testcontainers/redis');
    const [pg, redis] = await Promise.all([
      new PostgreSqlContainer('postgis/postgis:15-3.4').withDatabase('carebook_test').start(),
      new RedisContainer('redis:7-alpine').start(),
    ]);
    return {
      databaseUrl: pg.getConnectionUri(),
      redisUrl: redis.getConnectionUrl(),
      stop: async () => {
        await Promise.all([pg.stop(), redis.stop()]);
      },
    };
  } catch (error) {
    throw new Error(
      'No test services: set DATABASE_URL and REDIS_URL (PostgreSQL 15+ with PostGIS, Redis 6+), ' +
        `start a Docker engine for testcontainers, or simply run \`npm test\`. (${(error as Error).message})`,
    );
  }
}
