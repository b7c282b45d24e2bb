import { LOG_STREAM } from '@carebook/core';
import {
  readOtp,
  signInPatient,
  startTestApi,
  startTestWorker,
  TEST_ADMIN,
  TestApi,
} from '@carebook/testing';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

// Its own file on purpose: nestjs-pino keeps one root logger per module registry, so the first
// app booted in a file decides where every later app of that file logs.
describe('Secrets never reach the logs', () => {
  const lines: string[] = [];
  const stream = { write: (line: string) => void lines.push(line) };
  let api: TestApi;
  let worker: { close(): Promise<void> };
  beforeAll(async () => {
    const env = { LOG_LEVEL: 'trace' };
    api = await startTestApi(AppModule, {
      env,
      override: (b) => b.overrideProvider(LOG_STREAM).useValue(stream),
    });
    worker = await startTestWorker(WorkerModule, {
      env,
      override: (b) => b.overrideProvider(LOG_STREAM).useValue(stream),
    });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('logs requests and deliveries at trace level without OTPs, passwords or tokens', async () => {
    const patient = await signInPatient(api.http);
    const refreshed = (
      await api.http
        .post('/api/v1/patient-auth/refresh-token')
        .send({ refreshToken: patient.refreshToken })
        .expect(200)
    ).body;
    await api.http.get('/api/v1/patient-auth/me').set(bearer(refreshed.accessToken)).expect(200);
    const admin = await api.http
      .post('/api/v1/auth/login/username-password')
      .send(TEST_ADMIN)
      .expect(200);
    await api.http
      .post('/api/v1/auth/login/username-password')
      .send({ ...TEST_ADMIN, password: 'wrong-password-42' })
      .expect(401);
    const { code } = await readOtp(api.http, patient.phone);

    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(text).toContain('/api/v1/patient-auth/verify-otp');
    expect(text).toMatch(/"context":"LogChannel"|LogChannel/);
    for (const secret of [
      code,
      TEST_ADMIN.password,
      'wrong-password-42',
      patient.token,
      patient.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
      admin.body.accessToken,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
