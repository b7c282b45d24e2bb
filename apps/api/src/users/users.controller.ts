import { Actor, CurrentActor, ParseId, Role, Roles } from '@carebook/core';
import {
  CreateStaffUser,
  CreateStaffUserDto,
  CreateStaffUserForRoleDto,
  DeleteStaffUser,
  ListStaffUsers,
  ListStaffUsersQueryDto,
  StaffUserDto,
  StaffUserPageDto,
  ToggleStaffUserActive,
  UpdateStaffUser,
  UpdateStaffUserDto,
  ViewStaffUser,
} from '@carebook/identity';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotent.interceptor';

const uuid = ParseId('Staff user');
const STAFF_ADMINS = [Role.ADMIN, Role.MANAGER, Role.CENTRE_MANAGER];
const ACCESS =
  'ADMIN manages everyone; MANAGER everyone but ADMIN and MANAGER users; CENTRE_MANAGER ' +
  'CARE_COORDINATOR, FRONT_DESK, CLINICIAN and CAREGIVER users of their own centres. Users ' +
  "outside the caller's reach answer 404.";
const CREATED = { type: StaffUserDto, description: 'Created' };
const TAKEN = { description: 'Phone or username in use (`PHONE_TAKEN`, `USERNAME_TAKEN`)' };
const NOT_YOURS = { description: 'Not a role or centre the caller may manage (`FORBIDDEN`)' };

/** Staff management (`/api/v1/users`): every rule on objects lives in identity's access policy. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles(...STAFF_ADMINS)
  @ApiOperation({ summary: 'List staff users', description: `By name. ${ACCESS}` })
  @ApiOkResponse({ type: StaffUserPageDto })
  list(@Query() q: ListStaffUsersQueryDto, @CurrentActor() actor: Actor) {
    const isActive = q.isActive === undefined ? undefined : q.isActive === 'true';
    const { role, centreId, search, page, limit } = q;
    return this.queries.execute(
      new ListStaffUsers(actor, { role, centreId, search, isActive, page, limit }),
    );
  }

  @Get(':id')
  @Roles(...STAFF_ADMINS)
  @ApiOperation({ summary: 'One staff user', description: ACCESS })
  @ApiOkResponse({ type: StaffUserDto })
  get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<StaffUserDto> {
    return this.queries.execute(new ViewStaffUser(actor, id));
  }

  @Post()
  @Idempotent()
  @Roles(...STAFF_ADMINS)
  @ApiOperation({ summary: 'Create a staff user', description: ACCESS })
  @ApiCreatedResponse(CREATED)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiConflictResponse(TAKEN)
  create(@Body() body: CreateStaffUserDto, @CurrentActor() actor: Actor): Promise<StaffUserDto> {
    return this.commands.execute(new CreateStaffUser(actor, body));
  }

  @Post('managers')
  @Idempotent()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Create a MANAGER (network-wide: no centreIds)' })
  @ApiCreatedResponse(CREATED)
  @ApiConflictResponse(TAKEN)
  createManager(@Body() body: CreateStaffUserForRoleDto, @CurrentActor() actor: Actor) {
    return this.createAs(Role.MANAGER, body, actor);
  }

  @Post('centre-managers')
  @Idempotent()
  @Roles(Role.ADMIN, Role.MANAGER)
  @ApiOperation({ summary: 'Create a CENTRE_MANAGER' })
  @ApiCreatedResponse(CREATED)
  @ApiConflictResponse(TAKEN)
  createCentreManager(@Body() body: CreateStaffUserForRoleDto, @CurrentActor() actor: Actor) {
    return this.createAs(Role.CENTRE_MANAGER, body, actor);
  }

  @Post('care-coordinators')
  @Idempotent()
  @Roles(...STAFF_ADMINS)
  @ApiOperation({ summary: 'Create a CARE_COORDINATOR', description: ACCESS })
  @ApiCreatedResponse(CREATED)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiConflictResponse(TAKEN)
  createCareCoordinator(@Body() body: CreateStaffUserForRoleDto, @CurrentActor() actor: Actor) {
    return this.createAs(Role.CARE_COORDINATOR, body, actor);
  }

  @Post('front-desk')
  @Idempotent()
  @Roles(...STAFF_ADMINS)
  @ApiOperation({ summary: 'Create a FRONT_DESK user', description: ACCESS })
  @ApiCreatedResponse(CREATED)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiConflictResponse(TAKEN)
  createFrontDesk(@Body() body: CreateStaffUserForRoleDto, @CurrentActor() actor: Actor) {
    return this.createAs(Role.FRONT_DESK, body, actor);
  }

  @Post('caregivers')
  @Idempotent()
  @Roles(...STAFF_ADMINS)
  @ApiOperation({ summary: 'Create a CAREGIVER', description: ACCESS })
  @ApiCreatedResponse(CREATED)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiConflictResponse(TAKEN)
  createCaregiver(@Body() body: CreateStaffUserForRoleDto, @CurrentActor() actor: Actor) {
    return this.createAs(Role.CAREGIVER, body, actor);
  }

  @Put(':id')
  @Roles(...STAFF_ADMINS)
  @ApiOperation({
    summary: 'Change a staff user',
    description: `Fields omitted keep their value; role and centre changes follow the creation rules; nobody changes their own role. ${ACCESS}`,
  })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiConflictResponse(TAKEN)
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateStaffUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<StaffUserDto> {
    return this.commands.execute(new UpdateStaffUser(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...STAFF_ADMINS)
  @ApiOperation({
    summary: 'Remove a staff user (soft delete; nobody removes themselves)',
    description: ACCESS,
  })
  @ApiNoContentResponse()
  async remove(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.commands.execute(new DeleteStaffUser(actor, id));
  }

  @Patch(':id/toggle-active')
  @Roles(...STAFF_ADMINS)
  @ApiOperation({
    summary: 'Deactivate or reactivate a staff user (nobody toggles themselves)',
    description: `A deactivated user cannot sign in. ${ACCESS}`,
  })
  @ApiOkResponse({ type: StaffUserDto })
  toggleActive(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<StaffUserDto> {
    return this.commands.execute(new ToggleStaffUserActive(actor, id));
  }

  private createAs(
    role: Role,
    body: CreateStaffUserForRoleDto,
    actor: Actor,
  ): Promise<StaffUserDto> {
    return this.commands.execute(
      new CreateStaffUser(actor, { ...body, role, centreIds: body.centreIds ?? [] }),
    );
  }
}
