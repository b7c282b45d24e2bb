import { Public, RedisHealthIndicator } from '@carebook/core';
import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';

type CheckState = 'up' | 'down';

class HealthChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database: CheckState;
  @ApiProperty({ enum: ['up', 'down'] }) redis: CheckState;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthChecksDto }) checks: HealthChecksDto;
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @SkipThrottle()
  @ApiOperation({ summary: 'Liveness of the API and its dependencies (for load balancers and monitors)' })
  @ApiOkResponse({ type: HealthDto, description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'PostgreSQL or Redis does not answer' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [database, redis] = await Promise.all([
      this.database.pingCheck('database', { timeout: 1500 }),
      this.redis.isHealthy('redis'),
    ]);
    const state = (s: string): CheckState => (s === 'up' ? 'up' : 'down');
    const checks: HealthChecksDto = { database: state(database.database.status), redis: state(redis.redis.status) };
    const ok = checks.database === 'up' && checks.redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks };
  }
}
