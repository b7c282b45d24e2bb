import { ConfigValidationError, loadConfig } from './env';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config.app).toMatchObject({ nodeEnv: 'development', port: 3000, corsOrigins: '*', devMessages: false });
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/carebook');
    expect(config.auth.accessTtlSeconds).toBe(900);
    expect(config.auth.bootstrapAdmin).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', BOOTSTRAP_ADMIN_USERNAME: 'admin', DEV_MESSAGES: 'maybe' });
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      const text = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'BOOTSTRAP_ADMIN_PASSWORD', 'DEV_MESSAGES']) expect(text).toContain(name);
    }
  });

  it('refuses development conveniences in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_MESSAGES: '1', CORS_ORIGINS: 'https://app.example' })).toThrow(/JWT_SECRET.*\n.*DEV_MESSAGES|DEV_MESSAGES[\s\S]*JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/CORS_ORIGINS/);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(prod.app.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
