import { Public } from '@carebook/core';
import {
  CapturedMessageListDto,
  ListCapturedMessages,
  ListCapturedMessagesQueryDto,
} from '@carebook/notifications';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevMessagesEnabledGuard } from './dev-messages-enabled.guard';

/** Development aids (`/api/v1/dev`): present only with DEV_MESSAGES=1. */
@ApiTags('dev')
@Controller('dev')
@UseGuards(DevMessagesEnabledGuard)
export class DevMessagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('messages')
  @Public()
  @ApiOperation({
    summary: 'Messages captured by the log channel (development only)',
    description:
      'Messages the `log` channel captured (status SENT, channel LOG), newest first, with their full text: ' +
      'this is how a developer or a test reads an OTP. Only when `DEV_MESSAGES=1`, which is refused in ' +
      'production; otherwise the route answers 404 as if it did not exist.',
  })
  @ApiOkResponse({ type: CapturedMessageListDto, description: 'Captured messages, newest first' })
  @ApiNotFoundResponse({
    description: 'DEV_MESSAGES is off: the route does not exist (`NOT_FOUND`)',
  })
  list(@Query() q: ListCapturedMessagesQueryDto): Promise<CapturedMessageListDto> {
    return this.queries.execute(new ListCapturedMessages({ to: q.to, limit: q.limit }));
  }
}
