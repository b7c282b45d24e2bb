import { Actor, CurrentActor, PatientOnly } from '@carebook/core';
import {
  PatientDashboardDto,
  PatientDto,
  UpdateOwnProfileDto,
  UpdatePatient,
  ViewPatientDashboard,
  ViewPatientProfile,
} from '@carebook/patients';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/**
 * The signed-in patient's own record (`/api/v1/patient`). The id always comes from the token:
 * there is no route to anyone else's record.
 */
@ApiTags('patient')
@Controller('patient')
@PatientOnly()
export class PatientController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('profile')
  @ApiOperation({ summary: 'My profile' })
  @ApiOkResponse({ type: PatientDto })
  profile(@CurrentActor() actor: Actor): Promise<PatientDto> {
    return this.queries.execute(new ViewPatientProfile(actor, actor.id));
  }

  @Put('profile')
  @ApiOperation({
    summary: 'Change my profile',
    description:
      'Name, email, date of birth, gender, blood group and emergency contacts; fields omitted ' +
      'keep their value, null clears an optional one. The phone is the sign-in identifier and ' +
      'cannot be changed here (400).',
  })
  @ApiOkResponse({ type: PatientDto })
  updateProfile(
    @Body() body: UpdateOwnProfileDto,
    @CurrentActor() actor: Actor,
  ): Promise<PatientDto> {
    return this.commands.execute(new UpdatePatient(actor, actor.id, body));
  }

  @Get('dashboard')
  @ApiOperation({
    summary: 'My dashboard',
    description: 'My profile, whether it is complete, and the fields still to fill in.',
  })
  @ApiOkResponse({ type: PatientDashboardDto })
  dashboard(@CurrentActor() actor: Actor): Promise<PatientDashboardDto> {
    return this.queries.execute(new ViewPatientDashboard(actor, actor.id));
  }
}
