import SwaggerParser from '@apidevtools/swagger-parser';
import { adminToken, DisposableRedis, eventually, startTestApi, TestApi } from '@carebook/testing';
import { AppModule } from '../apps/api/src/app.module';

describe('Health while Redis goes down and comes back', () => {
  let redis: DisposableRedis;
  let api: TestApi;
  beforeAll(async () => {
    redis = await DisposableRedis.start();
    api = await startTestApi(AppModule, { env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await api.close();
    await redis.stop();
  });

  it('is 200, then 503 naming redis while reads keep working, then 200 again', async () => {
    await eventually(async () => {
      const res = await api.http.get('/api/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    });
    await redis.pause();
    await eventually(async () => {
      const res = await api.http.get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'error', checks: { database: 'up', redis: 'down' } });
    });
    await api.http.get('/api/v1/centres').expect(200);
    await redis.resume();
    await eventually(async () => {
      await api.http.get('/api/health').expect(200);
    });
  });
});

describe('OpenAPI document and rate limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(AppModule, { env: { RATE_LIMIT_PER_MINUTE: '40' } });
  });
  afterAll(() => api.close());

  it('serves Swagger UI and a valid OpenAPI 3 document listing the centres and auth routes', async () => {
    const ui = await api.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
    const res = await api.http.get('/docs-json').expect(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(doc));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/v1/centres',
        '/api/v1/centres/{id}',
        '/api/v1/centres/{id}/toggle-active',
        '/api/v1/auth/send-otp',
        '/api/v1/auth/login/phone-otp',
        '/api/v1/auth/login/phone-password',
        '/api/v1/auth/login/username-password',
        '/api/v1/auth/refresh',
        '/api/v1/auth/logout',
        '/api/v1/auth/me',
        '/api/v1/patient-auth/send-otp',
        '/api/v1/patient-auth/verify-otp',
        '/api/v1/patient-auth/refresh-token',
        '/api/v1/patient-auth/logout',
        '/api/v1/patient-auth/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/users/{id}/toggle-active',
        '/api/v1/users/managers',
        '/api/v1/users/centre-managers',
        '/api/v1/users/care-coordinators',
        '/api/v1/users/front-desk',
        '/api/v1/users/caregivers',
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, item] of Object.entries<
      Record<string, { responses: Record<string, { content?: object }>; security?: unknown[] }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const problems = Object.entries(op.responses).filter(
          ([code]) => Number(code) >= 400 && !(path === '/api/health' && code === '503'),
        );
        expect(problems.length).toBeGreaterThan(0);
        for (const [, r] of problems)
          expect(r.content).toHaveProperty(['application/problem+json']);
        const isPublic =
          (method === 'get' &&
            /^\/api\/v1\/(centres|clinicians)(\/\{id\}(\/(availability|slots))?)?$/.test(path)) ||
          (method === 'get' && path === '/api/v1/booking/available-slots') ||
          path === '/api/health' ||
          path === '/api/v1/dev/messages' ||
          path === '/api/v1/notifications/webhooks/twilio' ||
          /\/(login|send-otp|verify-otp|refresh|refresh-token|logout)(\/|$)/.test(path);
        expect([path, method, Boolean(op.security?.length)]).toEqual([path, method, !isPublic]);
      }
    }
  });

  it('answers 429 RATE_LIMITED with Retry-After past the limit', async () => {
    const token = await adminToken(api.http);
    let last = 200;
    let res;
    for (let i = 0; i < 45 && last !== 429; i++) {
      res = await api.http.get('/api/v1/centres').set('Authorization', `Bearer ${token}`);
      last = res.status;
    }
    expect(last).toBe(429);
    expect(res!.headers['retry-after']).toMatch(/^\d+$/);
    expect(res!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res!.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });
});
