import { Actor, CurrentActor, Page, ParseId, Roles } from '@carebook/core';
import {
  GetMessage,
  GetMessageStats,
  ListMessageHistory,
  ListMessageHistoryQueryDto,
  MESSAGE_READER_ROLES,
  MessageDto,
  MessagePageDto,
  MessageStatsDto,
  MessageStatsQueryDto,
} from '@carebook/notifications';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

const uuid = ParseId('Message');
const SCOPE =
  'ADMIN and MANAGER see every message; CENTRE_MANAGER, FRONT_DESK and CARE_COORDINATOR only messages about one of their centres; CLINICIAN and CAREGIVER get 403. ' +
  'The body of a sensitive message (a one-time code) is never returned (`body: null`).';
const PATIENT_SCOPE =
  'A patient sees only messages about themselves (`patientId` = self; sign-in codes concern nobody and are not among them).';
/** Who may call history and one message (documented; the query's MessageScope enforces it). */
const STAFF_OR_PATIENT = ApiExtension('x-auth', { roles: [...MESSAGE_READER_ROLES, 'PATIENT'] });

/** The message log (`/api/v1/notifications`): history, stats and one message. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('history')
  @STAFF_OR_PATIENT
  @ApiOperation({
    summary: 'Messages sent (or being sent), newest first, with filters',
    description: `${SCOPE} ${PATIENT_SCOPE} A filter outside the caller's reach matches nothing.`,
  })
  @ApiOkResponse({ type: MessagePageDto })
  history(
    @Query() q: ListMessageHistoryQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<MessageDto>> {
    return this.queries.execute(new ListMessageHistory(actor, q));
  }

  @Get('stats')
  @Roles(...MESSAGE_READER_ROLES)
  @ApiOperation({
    summary: 'Message counts by channel, status, delivery report and day over a period',
    description: `${SCOPE} Patients get 403. The period is at most 366 days.`,
  })
  @ApiOkResponse({ type: MessageStatsDto })
  stats(@Query() q: MessageStatsQueryDto, @CurrentActor() actor: Actor): Promise<MessageStatsDto> {
    return this.queries.execute(new GetMessageStats(actor, q));
  }

  @Get(':id')
  @STAFF_OR_PATIENT
  @ApiOperation({
    summary: 'One message',
    description: `${SCOPE} ${PATIENT_SCOPE} A message outside the caller's reach answers 404.`,
  })
  @ApiOkResponse({ type: MessageDto })
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<MessageDto> {
    return this.queries.execute(new GetMessage(actor, id));
  }
}
