import {
  AuditLog,
  CoreModuleOptions,
  ForbiddenError,
  Public,
  RequestContext,
  UnitOfWork,
} from '@carebook/core';
import { adminToken, openTestDataSource, startTestApi, TestApi } from '@carebook/testing';
import {
  Body,
  Controller,
  DynamicModule,
  Get,
  HttpCode,
  Module,
  Param,
  Post,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';

/** Test-only routes that record audit events from inside a request, as a handler would. */
@Controller('audit-probe')
class AuditProbeController {
  constructor(
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Public: anonymous unless a valid token comes along. The JSON body and a timer must not lose the context. */
  @Public()
  @Post(':marker')
  @HttpCode(200)
  async anonymous(@Param('marker') marker: string, @Body() body: Record<string, unknown>) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await this.audit.record({
      action: 'test.audit.probe',
      targetType: 'probe',
      targetId: marker,
      metadata: { body },
    });
    return { requestId: RequestContext.current()?.requestId };
  }

  /** Signed in: the actor comes from the guards, which ran after the context opened. */
  @Get(':marker')
  async signedIn(@Param('marker') marker: string) {
    await this.audit.record({ action: 'test.audit.probe', targetType: 'probe', targetId: marker });
    return { requestId: RequestContext.current()?.requestId };
  }

  /** The change is refused and rolled back; only what `recordNow` wrote remains. */
  @Public()
  @Post(':marker/refused')
  async refused(@Param('marker') marker: string) {
    await this.unitOfWork.run(async () => {
      await this.audit.record({
        action: 'test.audit.change',
        targetType: 'probe',
        targetId: marker,
      });
      await this.audit.recordNow({
        action: 'test.audit.refused',
        targetType: 'probe',
        targetId: marker,
      });
      throw new ForbiddenError();
    });
  }
}

@Module({})
class AuditProbeApiModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: AuditProbeApiModule,
      imports: [AppModule.forRoot(options)],
      controllers: [AuditProbeController],
    };
  }
}

describe('Audit log over HTTP (request context)', () => {
  let api: TestApi;
  let db: DataSource;
  const rowsFor = (marker: string) =>
    db.query(
      `SELECT action, actor_type, actor_id, actor_role, host(ip) AS ip, request_id, metadata
         FROM audit_events WHERE target_type = 'probe' AND target_id = $1 ORDER BY id`,
      [marker],
    );

  beforeAll(async () => {
    api = await startTestApi(AuditProbeApiModule);
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it("records the caller's X-Request-Id (echoed back, as pino logs it) and the forwarded client ip", async () => {
    const marker = randomUUID();
    const requestId = `audit-test-${randomUUID()}`;
    const res = await api.http
      .post(`/api/v1/audit-probe/${marker}`)
      .set('X-Request-Id', requestId)
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ note: 'hello' })
      .expect(200);
    expect(res.headers['x-request-id']).toBe(requestId);
    expect(res.body).toEqual({ requestId });
    expect(await rowsFor(marker)).toEqual([
      {
        action: 'test.audit.probe',
        actor_type: 'anonymous',
        actor_id: null,
        actor_role: null,
        ip: '203.0.113.9',
        request_id: requestId,
        metadata: { body: { note: 'hello' } },
      },
    ]);
  });

  it('records the generated request id when the caller sends none', async () => {
    const marker = randomUUID();
    const res = await api.http.post(`/api/v1/audit-probe/${marker}`).send({}).expect(200);
    const generated = res.headers['x-request-id'];
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rowsFor(marker)).toMatchObject([
      { request_id: generated, ip: expect.stringMatching(/127\.0\.0\.1|::1/) },
    ]);
  });

  it('keeps concurrent requests apart', async () => {
    const calls = Array.from({ length: 8 }, () => ({
      marker: randomUUID(),
      requestId: `audit-test-${randomUUID()}`,
    }));
    await Promise.all(
      calls.map((c) =>
        api.http
          .post(`/api/v1/audit-probe/${c.marker}`)
          .set('X-Request-Id', c.requestId)
          .send({})
          .expect(200),
      ),
    );
    for (const c of calls)
      expect(await rowsFor(c.marker)).toMatchObject([{ request_id: c.requestId }]);
  });

  it('reads the actor from the request after the guards ran', async () => {
    const token = await adminToken(api.http);
    const adminId = api.app.get(JwtService).decode<{ sub: string }>(token).sub;
    const marker = randomUUID();
    const requestId = `audit-test-${randomUUID()}`;
    await api.http
      .get(`/api/v1/audit-probe/${marker}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', requestId)
      .expect(200);
    expect(await rowsFor(marker)).toMatchObject([
      { actor_type: 'staff', actor_id: adminId, actor_role: 'ADMIN', request_id: requestId },
    ]);
  });

  it("rolls the audit row back with the refused change, keeps recordNow's, and both carry the request id", async () => {
    const marker = randomUUID();
    const requestId = `audit-test-${randomUUID()}`;
    const res = await api.http
      .post(`/api/v1/audit-probe/${marker}/refused`)
      .set('X-Request-Id', requestId)
      .expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', requestId });
    expect(await rowsFor(marker)).toMatchObject([
      { action: 'test.audit.refused', request_id: requestId },
    ]);
  });

  it('has no request context outside HTTP: the caller passes what it knows', async () => {
    const marker = randomUUID();
    await api.app.get(AuditLog).record({
      action: 'test.audit.probe',
      actor: 'system',
      targetType: 'probe',
      targetId: marker,
      requestId: 'job-1',
    });
    expect(await rowsFor(marker)).toMatchObject([
      { actor_type: 'system', ip: null, request_id: 'job-1' },
    ]);
  });
});
