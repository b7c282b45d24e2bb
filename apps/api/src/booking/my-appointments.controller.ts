import {
  AppointmentDto,
  AppointmentPageDto,
  CancelAppointment,
  CancelAppointmentDto,
  ListAppointments,
  MyAppointmentsQueryDto,
} from '@carebook/booking';
import { Actor, CurrentActor, ParseId, PatientOnly } from '@carebook/core';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/** The patient's self-service appointments (`/api/v1/patient/appointments`). */
@ApiTags('patient')
@Controller('patient/appointments')
@PatientOnly()
export class MyAppointmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My appointments, by start time' })
  @ApiOkResponse({ type: AppointmentPageDto })
  list(@Query() q: MyAppointmentsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListAppointments(actor, q));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel one of my appointments',
    description:
      "An unpaid hold at any time; a confirmed appointment until 2 h before it starts. Another patient's id is 404.",
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: '`CANCELLATION_WINDOW_CLOSED` or `ILLEGAL_TRANSITION`' })
  cancel(
    @Param('id', ParseId('Appointment')) id: string,
    @Body() body: CancelAppointmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentDto> {
    return this.commands.execute(new CancelAppointment(actor, id, body.reason));
  }
}
