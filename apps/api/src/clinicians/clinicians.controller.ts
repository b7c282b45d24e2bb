import { Actor, CurrentActor, ParseId, Public, Role, Roles } from '@carebook/core';
import {
  AddTimeOff,
  AddTimeOffDto,
  AvailabilityDto,
  ClinicianDto,
  CreateClinician,
  CreateClinicianDto,
  DeleteClinician,
  GetClinician,
  GetClinicianAvailability,
  RemoveTimeOff,
  ReplaceAvailabilityDto,
  ReplaceWeeklyAvailability,
  TimeOffDto,
  ToggleClinicianActive,
  UpdateClinician,
  UpdateClinicianDto,
} from '@carebook/clinicians';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotent.interceptor';

const clinicianId = ParseId('Clinician');
const timeOffId = ParseId('Time off');
const MANAGERS = [Role.ADMIN, Role.MANAGER, Role.CENTRE_MANAGER];
const ACCESS =
  'ADMIN and MANAGER manage every clinician; CENTRE_MANAGER those practising at one of their ' +
  "centres, and only their own centres. Clinicians outside the caller's reach answer 404.";
const SCHEDULE_ACCESS =
  'The clinician themself, or a manager of theirs (CENTRE_MANAGER: weekly rules at their own ' +
  'centres only). Anyone else gets 404.';
const NOT_FOUND = { description: "Unknown, deleted, or outside the caller's reach (`NOT_FOUND`)" };
const INVALID = { description: 'Invalid fields (`VALIDATION_FAILED`, with `errors`)' };
const NOT_YOURS = { description: 'A centre the caller does not manage (`FORBIDDEN`)' };

/**
 * Clinician profiles and schedules (`/api/v1/clinicians`). The directory search `GET /` and
 * `GET /:id/slots` live with their own contexts; rules on objects live in clinicians' access policy.
 */
@ApiTags('clinicians')
@Controller('clinicians')
export class CliniciansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: 'Create a clinician',
    description: `Creates the CLINICIAN staff user and the profile in one step. ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: ClinicianDto })
  @ApiBadRequestResponse(INVALID)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiConflictResponse({
    description: 'Phone or username in use (`PHONE_TAKEN`, `USERNAME_TAKEN`)',
  })
  create(@Body() body: CreateClinicianDto, @CurrentActor() actor: Actor): Promise<ClinicianDto> {
    return this.commands.execute(new CreateClinician(actor, body));
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'One clinician',
    description: 'Inactive clinicians only for themselves and those who manage them.',
  })
  @ApiOkResponse({ type: ClinicianDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id', clinicianId) id: string, @CurrentActor() actor?: Actor): Promise<ClinicianDto> {
    return this.queries.execute(new GetClinician(id, actor));
  }

  @Put(':id')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: "Change a clinician's profile and settings",
    description: `Fields omitted keep their value; \`fullName\`, \`phone\` and \`email\` change the staff user. A centre the weekly rules use cannot be removed. ${ACCESS}`,
  })
  @ApiOkResponse({ type: ClinicianDto })
  @ApiBadRequestResponse(INVALID)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiNotFoundResponse(NOT_FOUND)
  update(
    @Param('id', clinicianId) id: string,
    @Body() body: UpdateClinicianDto,
    @CurrentActor() actor: Actor,
  ): Promise<ClinicianDto> {
    return this.commands.execute(new UpdateClinician(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: 'Remove a clinician and their staff user (soft delete; history is kept)',
    description: ACCESS,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  async remove(@Param('id', clinicianId) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.commands.execute(new DeleteClinician(actor, id));
  }

  @Patch(':id/toggle-active')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: 'Switch a clinician off for booking and search, or back on',
    description: `Their staff user can still sign in. ${ACCESS}`,
  })
  @ApiOkResponse({ type: ClinicianDto })
  @ApiNotFoundResponse(NOT_FOUND)
  toggleActive(
    @Param('id', clinicianId) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ClinicianDto> {
    return this.commands.execute(new ToggleClinicianActive(actor, id));
  }

  @Get(':id/availability')
  @Public()
  @ApiOperation({
    summary: 'Weekly rules and upcoming time off',
    description:
      "Rules are local to each centre's time zone. Reasons of time off only for the clinician and their managers.",
  })
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiNotFoundResponse(NOT_FOUND)
  availability(
    @Param('id', clinicianId) id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<AvailabilityDto> {
    return this.queries.execute(new GetClinicianAvailability(id, actor));
  }

  @Put(':id/availability')
  @Roles(...MANAGERS, Role.CLINICIAN)
  @ApiOperation({
    summary: 'Replace the weekly rules',
    description: `The whole week at once; rules of one day may touch but not overlap (400 naming \`rules[i]\`); each rule at one of the clinician's centres. ${SCHEDULE_ACCESS}`,
  })
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiBadRequestResponse(INVALID)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiNotFoundResponse(NOT_FOUND)
  replaceAvailability(
    @Param('id', clinicianId) id: string,
    @Body() body: ReplaceAvailabilityDto,
    @CurrentActor() actor: Actor,
  ): Promise<AvailabilityDto> {
    return this.commands.execute(new ReplaceWeeklyAvailability(actor, id, body.rules));
  }

  @Post(':id/time-off')
  @Idempotent()
  @Roles(...MANAGERS, Role.CLINICIAN)
  @ApiOperation({ summary: 'Plan time off `[startsAt, endsAt)`', description: SCHEDULE_ACCESS })
  @ApiCreatedResponse({ type: TimeOffDto })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse(NOT_FOUND)
  addTimeOff(
    @Param('id', clinicianId) id: string,
    @Body() body: AddTimeOffDto,
    @CurrentActor() actor: Actor,
  ): Promise<TimeOffDto> {
    const timeOff = {
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      reason: body.reason,
    };
    return this.commands.execute(new AddTimeOff(actor, id, timeOff));
  }

  @Delete(':id/time-off/:timeOffId')
  @HttpCode(204)
  @Roles(...MANAGERS, Role.CLINICIAN)
  @ApiOperation({ summary: 'Cancel time off', description: SCHEDULE_ACCESS })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  async removeTimeOff(
    @Param('id', clinicianId) id: string,
    @Param('timeOffId', timeOffId) offId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.commands.execute(new RemoveTimeOff(actor, id, offId));
  }
}
