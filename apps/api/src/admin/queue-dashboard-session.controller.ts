import { Role, Roles, UnauthenticatedError } from '@carebook/core';
import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { DASHBOARD_PATH } from './dashboard-queues';
import { DASHBOARD_COOKIE, QueueDashboardAuth } from './queue-dashboard-auth';

export class QueueDashboardSessionDto {
  @ApiProperty({ example: '/admin/queues/', description: 'Open this page in the same browser' })
  url: string;
  @ApiProperty({ format: 'date-time', description: 'When the cookie stops working' })
  expiresAt: string;
}

/** Browser sign-in to the queue dashboard (`/api/v1/admin/queues/session`). */
@ApiTags('admin')
@Controller('admin/queues/session')
export class QueueDashboardSessionController {
  constructor(private readonly auth: QueueDashboardAuth) {}

  @Post()
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'Get a cookie that opens the queue dashboard at /admin/queues in this browser',
    description:
      'Sets `carebook_queues` (HttpOnly, SameSite=Strict, Path=/admin/queues, Secure over https), ' +
      "valid as long as an access token and only while the admin's session stays open. API " +
      'clients may call /admin/queues with the Bearer header instead.',
  })
  @ApiOkResponse({ type: QueueDashboardSessionDto })
  async open(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QueueDashboardSessionDto> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError();
    const cookie = await this.auth.issueCookie(token);
    res.cookie(DASHBOARD_COOKIE, cookie.value, {
      ...cookieOptions(req),
      maxAge: this.auth.cookieTtlSeconds * 1000,
    });
    return { url: `${DASHBOARD_PATH}/`, expiresAt: cookie.expiresAt.toISOString() };
  }

  @Delete()
  @HttpCode(204)
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Forget the queue dashboard cookie in this browser' })
  @ApiNoContentResponse()
  close(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    res.clearCookie(DASHBOARD_COOKIE, cookieOptions(req));
  }
}

function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: DASHBOARD_PATH };
}
