import { Actor, ALL_ROLES, CurrentActor, Public, Roles } from '@carebook/core';
import {
  GetStaffUser,
  LoginResultDto,
  LoginWithUsernamePassword,
  LoginWithUsernamePasswordDto,
  StaffUserDto,
} from '@carebook/identity';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

/** Staff sign-in and the signed-in user (`/api/v1/auth`). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('login/username-password')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with username and password',
    description:
      'Answers an access token (15 minutes) and the user. Wrong credentials of any kind answer the same 401.',
  })
  @ApiOkResponse({ type: LoginResultDto, description: 'Signed in' })
  @ApiUnauthorizedResponse({
    description: 'Unknown user, wrong password or deactivated account (`INVALID_CREDENTIALS`)',
  })
  login(@Body() body: LoginWithUsernamePasswordDto): Promise<LoginResultDto> {
    return this.commands.execute(new LoginWithUsernamePassword(body.username, body.password));
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The signed-in staff user, with role and centres' })
  @ApiOkResponse({ type: StaffUserDto, description: 'The caller' })
  me(@CurrentActor() actor: Actor): Promise<StaffUserDto> {
    // @Roles admits staff only, so the actor is a staff user here.
    return this.queries.execute(new GetStaffUser(actor.id));
  }
}
