import { Actor, ALL_ROLES, CurrentActor, Public, Roles } from '@carebook/core';
import {
  GetStaffUser,
  LoginResultDto,
  LoginWithPhoneOtp,
  LoginWithPhoneOtpDto,
  LoginWithPhonePassword,
  LoginWithPhonePasswordDto,
  LoginWithUsernamePassword,
  LoginWithUsernamePasswordDto,
  Logout,
  OtpAcceptedDto,
  RefreshSession,
  RefreshTokenDto,
  SendOtp,
  SendOtpDto,
  StaffUserDto,
  TokenPairDto,
} from '@carebook/identity';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { OTP_SEND_LIMIT_PER_IP, SIGN_IN_LIMIT_PER_IP } from './auth-limits';

/** Staff sign-in, sessions and the signed-in user (`/api/v1/auth`). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('send-otp')
  @Public()
  @HttpCode(202)
  @Throttle(OTP_SEND_LIMIT_PER_IP)
  @ApiOperation({
    summary: 'Send a sign-in code by SMS',
    description: 'Answers 202 alike for known and unknown phones. At most 3 codes per phone per 15 minutes (429 RATE_LIMITED with Retry-After).',
  })
  @ApiAcceptedResponse({ type: OtpAcceptedDto })
  async sendOtp(@Body() body: SendOtpDto): Promise<OtpAcceptedDto> {
    const { expiresIn } = await this.commands.execute(new SendOtp(body.phone, 'STAFF_LOGIN'));
    return { message: 'If the number can sign in, a code is on its way.', expiresIn };
  }

  @Post('login/phone-otp')
  @Public()
  @HttpCode(200)
  @Throttle(SIGN_IN_LIMIT_PER_IP)
  @ApiOperation({ summary: 'Sign in with the code sent by send-otp', description: 'Single use, 5 minutes; 5 wrong codes lock it.' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiResponse({ status: 401, description: '`OTP_INVALID` (wrong, expired or used code)' })
  @ApiResponse({ status: 423, description: '`OTP_LOCKED` after 5 wrong codes: ask for a new one' })
  loginWithPhoneOtp(@Body() body: LoginWithPhoneOtpDto): Promise<LoginResultDto> {
    return this.commands.execute(new LoginWithPhoneOtp(body.phone, body.code));
  }

  @Post('login/phone-password')
  @Public()
  @HttpCode(200)
  @Throttle(SIGN_IN_LIMIT_PER_IP)
  @ApiOperation({ summary: 'Sign in with phone and password', description: 'Wrong credentials of any kind answer the same 401.' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiResponse({ status: 401, description: '`INVALID_CREDENTIALS`' })
  loginWithPhonePassword(@Body() body: LoginWithPhonePasswordDto): Promise<LoginResultDto> {
    return this.commands.execute(new LoginWithPhonePassword(body.phone, body.password));
  }

  @Post('login/username-password')
  @Public()
  @HttpCode(200)
  @Throttle(SIGN_IN_LIMIT_PER_IP)
  @ApiOperation({ summary: 'Sign in with username and password', description: 'Wrong credentials of any kind answer the same 401.' })
  @ApiOkResponse({ type: LoginResultDto, description: 'Signed in' })
  @ApiResponse({ status: 401, description: '`INVALID_CREDENTIALS`' })
  login(@Body() body: LoginWithUsernamePasswordDto): Promise<LoginResultDto> {
    return this.commands.execute(new LoginWithUsernamePassword(body.username, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade a refresh token for a new pair',
    description: 'Every refresh rotates the refresh token. Presenting a used one signs the whole session out (401 TOKEN_REUSED).',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiResponse({ status: 401, description: '`TOKEN_REUSED` or `REFRESH_TOKEN_INVALID`' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.commands.execute(new RefreshSession(body.refreshToken, 'staff'));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes the session of this refresh token and its access tokens' })
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.commands.execute(new Logout(body.refreshToken));
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
