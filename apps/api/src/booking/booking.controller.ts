import {
  AppointmentDto,
  AppointmentPageDto,
  BookAppointment,
  BookAppointmentDto,
  BookAtFrontDesk,
  CancelAppointment,
  CancelAppointmentDto,
  DaySlotsQueryDto,
  DESK_ROLES,
  FindFreeSlots,
  FreeSlotsDto,
  FrontDeskBookingDto,
  GetAppointment,
  ListAppointments,
  MyAppointmentsQueryDto,
  RescheduleAppointment,
  RescheduleAppointmentDto,
} from '@carebook/booking';
import { Actor, CurrentActor, ParseId, PatientOnly, Public, Roles } from '@carebook/core';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
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
const SLOT_TAKEN = {
  description:
    'Not a free slot: taken (the loser of a race), outside the hours, too soon or too far (`SLOT_UNAVAILABLE`)',
};

/** Online booking (`/api/v1/booking`): patients book, see, move and cancel their own appointments. */
@ApiTags('booking')
@Controller('booking')
export class BookingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('create')
  @PatientOnly()
  @ApiOperation({
    summary: 'Book a slot (PENDING, held 15 minutes until paid)',
    description:
      'An unpaid hold expires to CANCELLED and frees the slot. The fee comes from the clinician.',
  })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiConflictResponse(SLOT_TAKEN)
  async create(
    @Body() body: BookAppointmentDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AppointmentDto> {
    const input = { ...body, startsAt: new Date(body.startsAt) };
    const result = await this.commands.execute(new BookAppointment(actor, input, key));
    markReplay(res, result.replayed);
    return result.appointment;
  }

  @Post('front-desk')
  @Roles(...DESK_ROLES)
  @ApiOperation({
    summary: 'Book at the front desk (CONFIRMED at once)',
    description:
      'For `patientId`, or a new `patient` registered in the same transaction (409 `PATIENT_PHONE_TAKEN` when ' +
      'the phone has a record: book with its id). FRONT_DESK and CENTRE_MANAGER at their centres, ADMIN, ' +
      'MANAGER. The minimum notice does not apply (walk-ins).',
  })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiConflictResponse(SLOT_TAKEN)
  async frontDesk(
    @Body() body: FrontDeskBookingDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AppointmentDto> {
    const input = { ...body, startsAt: new Date(body.startsAt) };
    const result = await this.commands.execute(new BookAtFrontDesk(actor, input, key));
    markReplay(res, result.replayed);
    return result.appointment;
  }

  @Get('my-appointments')
  @PatientOnly()
  @ApiOperation({ summary: "The signed-in patient's appointments, by start time" })
  @ApiOkResponse({ type: AppointmentPageDto })
  mine(@Query() q: MyAppointmentsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAppointments(actor, q));
  }

  @Get('available-slots')
  @Public()
  @ApiOperation({ summary: "A clinician's free slots on one local date" })
  @ApiOkResponse({ type: FreeSlotsDto })
  availableSlots(@Query() q: DaySlotsQueryDto): Promise<FreeSlotsDto> {
    const { sessionType, centreId } = q;
    return this.queries.execute(
      new FindFreeSlots(q.clinicianId, q.date, q.date, { sessionType, centreId }),
    );
  }

  @Get(':id')
  @PatientOnly()
  @ApiOperation({
    summary: 'One of my appointments',
    description: "Another patient's id answers 404.",
  })
  @ApiOkResponse({ type: AppointmentDto })
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<AppointmentDto> {
    return this.queries.execute(new GetAppointment(actor, id));
  }

  @Post(':id/cancel')
  @PatientOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel one of my appointments',
    description: 'An unpaid hold at any time; a confirmed appointment until 2 h before it starts.',
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`CANCELLATION_WINDOW_CLOSED` or `ILLEGAL_TRANSITION`' })
  cancel(
    @Param('id', uuid) id: string,
    @Body() body: CancelAppointmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentDto> {
    return this.commands.execute(new CancelAppointment(actor, id, body.reason));
  }

  @Post(':id/reschedule')
  @PatientOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move one of my appointments to another free slot',
    description:
      'Same clinician, centre and session type; atomic (the old time is freed only if the new one is taken). ' +
      'A confirmed appointment until 2 h before it starts.',
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`SLOT_UNAVAILABLE` or `NOT_RESCHEDULABLE`' })
  reschedule(
    @Param('id', uuid) id: string,
    @Body() body: RescheduleAppointmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentDto> {
    return this.commands.execute(new RescheduleAppointment(actor, id, new Date(body.startsAt)));
  }
}
