import {
  APPOINTMENT_READER_ROLES,
  AppointmentPageDto,
  ListAppointmentsQueryDto,
  ListPatientAppointments,
} from '@carebook/booking';
import { Actor, CurrentActor, ParseId, Roles } from '@carebook/core';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/** `GET /api/v1/patients/:id/appointments`: booking answers it; the rest of `/patients` is the patients context's. */
@ApiTags('patients')
@Controller('patients')
export class PatientAppointmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/appointments')
  @Roles(...APPOINTMENT_READER_ROLES)
  @ApiOperation({
    summary: "A patient's appointments, by start time",
    description:
      "Those at the caller's centres (ADMIN and MANAGER: all). 404 for an unknown patient. Audited as " +
      '`patient.appointments.viewed`.',
  })
  @ApiOkResponse({ type: AppointmentPageDto })
  list(
    @Param('id', ParseId('Patient')) id: string,
    @Query() q: ListAppointmentsQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(new ListPatientAppointments(actor, id, q));
  }
}
