import {
  APPOINTMENT_READER_ROLES,
  AppointmentDto,
  AppointmentPageDto,
  BookAtFrontDesk,
  CancelAppointment,
  CancelAppointmentDto,
  ChangeAppointmentStatus,
  ChangeAppointmentStatusDto,
  DaySlotsQueryDto,
  DESK_ROLES,
  FindFreeSlots,
  FreeSlotsDto,
  GetAppointment,
  ListAppointments,
  ListAppointmentsQueryDto,
  MyAppointmentsQueryDto,
  StaffBookingDto,
  UpdateAppointment,
  UpdateAppointmentDto,
} from '@carebook/booking';
import { Actor, CurrentActor, ParseId, Role, Roles } from '@carebook/core';
import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiIdempotent, IdempotencyKey, markReplay } from '../idempotency/idempotency-key';

const uuid = ParseId('Appointment');
const SCOPE =
  "Staff see their centres' appointments (ADMIN and MANAGER: all); another centre's appointment answers 404. " +
  'CAREGIVER has no access.';
const STATUS_ROLES = [...DESK_ROLES, Role.CLINICIAN];

/** Staff appointments (`/api/v1/appointments`); the rules live in booking's access policy. */
@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles(...APPOINTMENT_READER_ROLES)
  @ApiOperation({ summary: 'List appointments by start time', description: SCOPE })
  @ApiOkResponse({ type: AppointmentPageDto })
  list(@Query() q: ListAppointmentsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAppointments(actor, q));
  }

  @Get('my-appointments')
  @Roles(Role.CLINICIAN)
  @ApiOperation({ summary: "The signed-in clinician's appointments, by start time" })
  @ApiOkResponse({ type: AppointmentPageDto })
  mine(@Query() q: MyAppointmentsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAppointments(actor, { ...q, mine: true }));
  }

  @Get('availability')
  @Roles(...APPOINTMENT_READER_ROLES)
  @ApiOperation({ summary: "A clinician's free slots on one local date (as patients see them)" })
  @ApiOkResponse({ type: FreeSlotsDto })
  availability(@Query() q: DaySlotsQueryDto): Promise<FreeSlotsDto> {
    const { sessionType, centreId } = q;
    return this.queries.execute(
      new FindFreeSlots(q.clinicianId, q.date, q.date, { sessionType, centreId }),
    );
  }

  @Get(':id')
  @Roles(...APPOINTMENT_READER_ROLES)
  @ApiOperation({ summary: 'One appointment', description: SCOPE })
  @ApiOkResponse({ type: AppointmentDto })
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<AppointmentDto> {
    return this.queries.execute(new GetAppointment(actor, id));
  }

  @Post()
  @Roles(...DESK_ROLES)
  @ApiOperation({
    summary: 'Book for an existing patient (CONFIRMED at once)',
    description: 'As `POST /booking/front-desk` with `patientId`; `source` defaults to FRONT_DESK.',
  })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`SLOT_UNAVAILABLE`' })
  async create(
    @Body() body: StaffBookingDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AppointmentDto> {
    const input = {
      ...body,
      source: body.source ?? 'FRONT_DESK',
      startsAt: new Date(body.startsAt),
    };
    const result = await this.commands.execute(new BookAtFrontDesk(actor, input, key));
    markReplay(res, result.replayed);
    return result.appointment;
  }

  @Put(':id')
  @Roles(...DESK_ROLES)
  @ApiOperation({
    summary: 'Move an appointment or change its reason and notes',
    description: `Fields omitted keep their value; \`startsAt\` moves it atomically to a free slot. ${SCOPE}`,
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`SLOT_UNAVAILABLE` or `NOT_RESCHEDULABLE`' })
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateAppointmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentDto> {
    const startsAt = body.startsAt === undefined ? undefined : new Date(body.startsAt);
    return this.commands.execute(new UpdateAppointment(actor, id, { ...body, startsAt }));
  }

  @Delete(':id')
  @Roles(...DESK_ROLES)
  @ApiOperation({
    summary: 'Cancel an appointment',
    description: `Answers the cancelled appointment. Cancelling within 2 h of the start overrides the patients' window and is audited. ${SCOPE}`,
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`ILLEGAL_TRANSITION`' })
  cancel(
    @Param('id', uuid) id: string,
    @Query() q: CancelAppointmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentDto> {
    return this.commands.execute(new CancelAppointment(actor, id, q.reason));
  }

  @Patch(':id/status')
  @Roles(...STATUS_ROLES)
  @ApiOperation({
    summary: 'Move an appointment along its legal transitions',
    description:
      'PENDING -> CONFIRMED (marks it paid) | CANCELLED; CONFIRMED -> CHECKED_IN | CANCELLED | NO_SHOW (after the ' +
      'start); CHECKED_IN -> IN_PROGRESS | CANCELLED; IN_PROGRESS -> COMPLETED. Anything else is 409 ' +
      '`ILLEGAL_TRANSITION`. A CLINICIAN moves only their own appointments through CHECKED_IN, IN_PROGRESS, ' +
      `COMPLETED and NO_SHOW. ${SCOPE}`,
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`ILLEGAL_TRANSITION`' })
  changeStatus(
    @Param('id', uuid) id: string,
    @Body() body: ChangeAppointmentStatusDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentDto> {
    return this.commands.execute(new ChangeAppointmentStatus(actor, id, body.status));
  }
}
