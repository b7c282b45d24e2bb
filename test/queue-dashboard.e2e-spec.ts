import { DOMAIN_EVENTS_QUEUE } from '@carebook/core';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  adminToken,
  createCentre,
  createStaffAndLogin,
  signInPatient,
  startTestApi,
  startTestWorker,
  TEST_ADMIN,
  TestApi,
} from '@carebook/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DASHBOARD_QUEUES } from '../apps/api/src/admin/dashboard-queues';
import { AppModule } from '../apps/api/src/app.module';
import { BOOKING_QUEUE } from '../apps/worker/src/booking/booking.queue';
import { APPOINTMENT_MESSAGES_QUEUE } from '../apps/worker/src/notifications/appointment-messages.queue';
import { NOTIFICATIONS_QUEUE } from '../apps/worker/src/notifications/notifications.queue';
import { WorkerModule } from '../apps/worker/src/worker.module';

const UI = '/admin/queues/';
const QUEUES_API = '/admin/queues/api/queues';

/** bull-board at /admin/queues: ADMIN only (Bearer or the session cookie), real queues. */
describe('Queue dashboard (/admin/queues)', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let admin: string;
  let frontDesk: string;
  let patient: string;
  let booking: Queue;
  const jobId = `dashboard-test-${randomUUID()}`;

  const expectProblem = (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ status, code });
    expect(res.text).not.toMatch(/<html|"queues"/i);
  };

  beforeAll(async () => {
    worker = await startTestWorker(WorkerModule);
    api = await startTestApi(AppModule);
    admin = await adminToken(api.http);
    const centre = await createCentre(api.http, admin);
    frontDesk = (await createStaffAndLogin(api.http, admin, { centreIds: [centre.id] })).token;
    patient = (await signInPatient(api.http)).token;
    // A job in the real `booking` queue under this suite's QUEUE_PREFIX, delayed so no worker takes it.
    booking = worker.get<Queue>(getQueueToken(BOOKING_QUEUE));
    await booking.add('dashboard-probe', { probe: true }, { jobId, delay: 3_600_000 });
  });
  afterAll(async () => {
    await booking?.remove(jobId);
    await api?.close();
    await worker?.close();
  });

  it('lists every queue the worker runs (the dashboard list is complete)', () => {
    // Every `*_QUEUE` name exported by the worker's queue files, found on disk: a new queue
    // missing from the dashboard fails here.
    const root = path.resolve(__dirname, '../apps/worker/src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.queue.ts'),
    );
    const names = files.flatMap((f) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Object.entries(require(path.join(root, f)) as Record<string, unknown>)
        .filter(([key, value]) => key.endsWith('_QUEUE') && typeof value === 'string')
        .map(([, value]) => value as string),
    );
    expect(names).toEqual(
      expect.arrayContaining([NOTIFICATIONS_QUEUE, APPOINTMENT_MESSAGES_QUEUE, BOOKING_QUEUE]),
    );
    for (const name of [DOMAIN_EVENTS_QUEUE, ...names]) expect(DASHBOARD_QUEUES).toContain(name);
  });

  it('refuses anonymous callers with 401 problem+json: no page, no assets, no JSON API', async () => {
    expectProblem(await api.http.get(UI), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http.get('/admin/queues'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http.get(QUEUES_API), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.http.get('/admin/queues/static/favicon-32x32.png'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api.http.put('/admin/queues/api/queues/booking/pause'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api.http.get(QUEUES_API).set('Authorization', 'Bearer not-a-token'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api.http.get(UI).set('Cookie', 'carebook_queues=forged'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses FRONT_DESK and patient tokens with 403, and they get no dashboard cookie', async () => {
    for (const token of [frontDesk, patient]) {
      const auth = `Bearer ${token}`;
      expectProblem(await api.http.get(UI).set('Authorization', auth), 403, 'FORBIDDEN');
      expectProblem(await api.http.get(QUEUES_API).set('Authorization', auth), 403, 'FORBIDDEN');
      expectProblem(
        await api.http.put('/admin/queues/api/queues/booking/pause').set('Authorization', auth),
        403,
        'FORBIDDEN',
      );
      const session = await api.http
        .post('/api/v1/admin/queues/session')
        .set('Authorization', auth);
      expect(session.status).toBe(403);
      expect(session.headers['set-cookie']).toBeUndefined();
    }
    expect(await booking.isPaused()).toBe(false);
  });

  it('serves the UI to an ADMIN: the page and every script and stylesheet it loads, under a CSP it satisfies', async () => {
    const auth = `Bearer ${admin}`;
    const page = await api.http.get(UI).set('Authorization', auth).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<base href="/admin/queues/"');
    expect(page.text).toContain('<title>carebook queues</title>');
    expect(page.headers['cache-control']).toBe('no-store');
    // Helmet's CSP stays on: scripts only from this origin. The page runs no inline script
    // (its only inline <script> is JSON data, which CSP does not execute).
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    // ... inline styles (the loading screen, React style props) and https web fonts are allowed.
    expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(csp).toMatch(/font-src [^;]*https:/);
    const inlineScripts = [...page.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.map((m) => m[1].trim())).toEqual([
      'id="__UI_CONFIG__" type="application/json"',
    ]);
    const scripts = [...page.text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    const styles = [...page.text.matchAll(/<link[^>]*href="(static\/[^"]+\.css)"/g)].map(
      (m) => m[1],
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^static\//); // same origin, relative to <base>
      const asset = await api.http
        .get(`/admin/queues/${src}`)
        .set('Authorization', auth)
        .expect(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
    }
    for (const href of styles) {
      const asset = await api.http
        .get(`/admin/queues/${href}`)
        .set('Authorization', auth)
        .expect(200);
      expect(asset.headers['content-type']).toMatch(/^text\/css/);
    }
    // A client-side route of the single-page app answers the same page.
    await api.http.get('/admin/queues/queue/booking').set('Authorization', auth).expect(200);
  });

  it("lists the queues with the job enqueued under this suite's prefix", async () => {
    const res = await api.http
      .get(QUEUES_API)
      .query({ activeQueue: BOOKING_QUEUE, status: 'delayed', page: 1, jobsPerPage: 10 })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const queues = res.body.queues as Array<{
      name: string;
      counts: Record<string, number>;
      jobs: Array<{ id: string; name: string; data: unknown }>;
    }>;
    expect(queues.map((q) => q.name).sort()).toEqual([...DASHBOARD_QUEUES].sort());
    const bookingQueue = queues.find((q) => q.name === BOOKING_QUEUE)!;
    // The worker's own delayed jobs (the hold sweep) are there too.
    expect(bookingQueue.counts.delayed).toBe(bookingQueue.jobs.length);
    expect(bookingQueue.jobs).toContainEqual(
      expect.objectContaining({ id: jobId, name: 'dashboard-probe', data: { probe: true } }),
    );
    const others = queues.filter((q) => q.name !== BOOKING_QUEUE);
    expect(others.flatMap((q) => q.jobs)).toEqual([]); // only the active queue lists jobs
  });

  it('opens for a browser with the session cookie, which is no API token and dies with the session', async () => {
    const login = await api.http
      .post('/api/v1/auth/login/username-password')
      .send(TEST_ADMIN)
      .expect(200);
    const { accessToken, refreshToken } = login.body as {
      accessToken: string;
      refreshToken: string;
    };
    const session = await api.http
      .post('/api/v1/admin/queues/session')
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(200);
    expect(session.body).toEqual({ url: '/admin/queues/', expiresAt: expect.stringMatching(/Z$/) });
    const [setCookie] = session.headers['set-cookie'] as unknown as string[];
    expect(setCookie).toMatch(
      /^carebook_queues=[^;]+; Max-Age=900; Path=\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0];
    const value = cookie.split('=')[1];

    await api.http.get(UI).set('Cookie', cookie).expect(200);
    const list = await api.http.get(QUEUES_API).set('Cookie', cookie).expect(200);
    expect(list.body.queues).toHaveLength(DASHBOARD_QUEUES.length);
    // The cookie's token is signed for the dashboard only: the API does not take it.
    await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${value}`).expect(401);
    // Nor does the dashboard take an access token as its cookie.
    expectProblem(
      await api.http.get(UI).set('Cookie', `carebook_queues=${accessToken}`),
      401,
      'UNAUTHENTICATED',
    );

    await api.http
      .delete('/api/v1/admin/queues/session')
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(204)
      .expect('set-cookie', /^carebook_queues=; Path=\/admin\/queues; Expires=Thu, 01 Jan 1970/);

    // Signing out ends the session: its cookie stops working at once.
    await api.http
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ refreshToken })
      .expect(204);
    expectProblem(await api.http.get(QUEUES_API).set('Cookie', cookie), 401, 'UNAUTHENTICATED');
  });
});
