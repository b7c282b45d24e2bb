import { Actor, ALL_ROLES, CurrentActor, PageQueryDto, ParseId, Roles } from '@carebook/core';
import {
  AddPatientNote,
  AddPatientNoteDto,
  CreatePatientDto,
  ListPatientStatusHistory,
  PatientDto,
  PatientNoteDto,
  PatientRecordDto,
  PatientStatusPageDto,
  PatientSummaryPageDto,
  RegisterPatient,
  SearchPatients,
  SearchPatientsQueryDto,
  UpdatePatient,
  UpdatePatientDto,
  ViewPatientRecord,
} from '@carebook/patients';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotent.interceptor';

const uuid = ParseId('Patient');
const ACCESS =
  'Every staff role but CAREGIVER reaches every patient record (patients are not owned by a ' +
  'centre yet; the front desk must find walk-ins); CAREGIVER is refused (403). Patients use ' +
  '`/patient` instead. Every read and write is audited.';
const CAREGIVER_REFUSED = { description: 'CAREGIVER, or a patient token (`FORBIDDEN`)' };
const PHONE_TAKEN = { description: 'A living patient has this phone (`PATIENT_PHONE_TAKEN`)' };

/** Patient records for staff (`/api/v1/patients`); the rules live in the patients access policy. */
@ApiTags('patients')
@Controller('patients')
@Roles(...ALL_ROLES)
export class PatientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search patients by name or phone', description: ACCESS })
  @ApiOkResponse({ type: PatientSummaryPageDto })
  @ApiForbiddenResponse(CAREGIVER_REFUSED)
  search(@Query() q: SearchPatientsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(
      new SearchPatients(actor, { search: q.search, page: q.page, limit: q.limit }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: "A patient's record with the staff notes", description: ACCESS })
  @ApiOkResponse({ type: PatientRecordDto })
  @ApiForbiddenResponse(CAREGIVER_REFUSED)
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<PatientRecordDto> {
    return this.queries.execute(new ViewPatientRecord(actor, id));
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Register a patient (a walk-in, a phone booking)', description: ACCESS })
  @ApiCreatedResponse({ type: PatientDto, description: 'Created' })
  @ApiForbiddenResponse(CAREGIVER_REFUSED)
  @ApiConflictResponse(PHONE_TAKEN)
  create(@Body() body: CreatePatientDto, @CurrentActor() actor: Actor): Promise<PatientDto> {
    return this.commands.execute(new RegisterPatient(actor, body));
  }

  @Put(':id')
  @ApiOperation({
    summary: "Change a patient's record",
    description: `Fields omitted keep their value; null clears an optional one. ${ACCESS}`,
  })
  @ApiOkResponse({ type: PatientDto })
  @ApiForbiddenResponse(CAREGIVER_REFUSED)
  @ApiConflictResponse(PHONE_TAKEN)
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdatePatientDto,
    @CurrentActor() actor: Actor,
  ): Promise<PatientDto> {
    return this.commands.execute(new UpdatePatient(actor, id, body));
  }

  @Post(':id/notes')
  @Idempotent()
  @ApiOperation({
    summary: "Add a note to a patient's record",
    description: `Notes are never edited; \`GET /patients/{id}\` lists them, newest first. ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: PatientNoteDto, description: 'The note' })
  @ApiForbiddenResponse(CAREGIVER_REFUSED)
  addNote(
    @Param('id', uuid) id: string,
    @Body() body: AddPatientNoteDto,
    @CurrentActor() actor: Actor,
  ): Promise<PatientNoteDto> {
    return this.commands.execute(new AddPatientNote(actor, id, body.text));
  }

  @Get(':id/status-history')
  @ApiOperation({
    summary: "A patient's status history, newest first",
    description: `As care reports recorded it; an empty list when there is none. ${ACCESS}`,
  })
  @ApiOkResponse({ type: PatientStatusPageDto })
  @ApiForbiddenResponse(CAREGIVER_REFUSED)
  statusHistory(
    @Param('id', uuid) id: string,
    @Query() q: PageQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(
      new ListPatientStatusHistory(actor, id, { page: q.page, limit: q.limit }),
    );
  }
}
