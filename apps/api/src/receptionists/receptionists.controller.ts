import {
  APPOINTMENT_READER_ROLES,
  BoardQueryDto,
  FrontDeskQueueDto,
  FrontDeskStatsDto,
  GetFrontDeskQueue,
  GetFrontDeskStats,
  QueueQueryDto,
} from '@carebook/booking';
import { Actor, CurrentActor, Roles } from '@carebook/core';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

const SCOPE = 'Staff of the centre (ADMIN and MANAGER: any centre); another centre answers 404.';

/** The front desk board (`/api/v1/receptionists`). */
@ApiTags('receptionists')
@Controller('receptionists')
@Roles(...APPOINTMENT_READER_ROLES)
export class ReceptionistsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('stats')
  @ApiOperation({
    summary: "A centre's day: counts and appointments",
    description: `booked (all but cancelled), upcoming, waiting (checked in), inProgress, completed, cancelled, noShow, and the day's list with patient names. \`date\` defaults to today in the centre's time zone. ${SCOPE}`,
  })
  @ApiOkResponse({ type: FrontDeskStatsDto })
  stats(@Query() q: BoardQueryDto, @CurrentActor() actor: Actor): Promise<FrontDeskStatsDto> {
    return this.queries.execute(new GetFrontDeskStats(actor, q.centreId, q.date));
  }

  @Get('queue')
  @ApiOperation({ summary: "Today's checked-in patients in check-in order", description: SCOPE })
  @ApiOkResponse({ type: FrontDeskQueueDto })
  queue(@Query() q: QueueQueryDto, @CurrentActor() actor: Actor): Promise<FrontDeskQueueDto> {
    return this.queries.execute(new GetFrontDeskQueue(actor, q.centreId));
  }
}
