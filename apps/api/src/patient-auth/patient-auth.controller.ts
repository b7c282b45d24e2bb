import { Actor, CurrentActor, PatientOnly, Public } from '@carebook/core';
import {
  Logout,
  OtpAcceptedDto,
  PatientLoginResultDto,
  RefreshSession,
  RefreshTokenDto,
  SendOtp,
  SendOtpDto,
  TokenPairDto,
  VerifyPatientOtp,
  VerifyPatientOtpDto,
} from '@carebook/identity';
import { PatientDto, ViewPatientProfile } from '@carebook/patients';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { OTP_SEND_LIMIT_PER_IP, SIGN_IN_LIMIT_PER_IP } from '../auth/auth-limits';

/** Patients sign in with their phone; the first verified code registers them (`/api/v1/patient-auth`). */
@ApiTags('patient-auth')
@Controller('patient-auth')
export class PatientAuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('send-otp')
  @Public()
  @HttpCode(202)
  @Throttle(OTP_SEND_LIMIT_PER_IP)
  @ApiOperation({ summary: 'Send a sign-in code by SMS', description: 'At most 3 codes per phone per 15 minutes (429 RATE_LIMITED).' })
  @ApiAcceptedResponse({ type: OtpAcceptedDto })
  async sendOtp(@Body() body: SendOtpDto): Promise<OtpAcceptedDto> {
    const { expiresIn } = await this.commands.execute(new SendOtp(body.phone, 'PATIENT_LOGIN'));
    return { message: 'If the number can sign in, a code is on its way.', expiresIn };
  }

  @Post('verify-otp')
  @Public()
  @HttpCode(200)
  @Throttle(SIGN_IN_LIMIT_PER_IP)
  @ApiOperation({ summary: 'Sign in (and, the first time, register) with the code', description: 'Single use, 5 minutes; 5 wrong codes lock it.' })
  @ApiOkResponse({ type: PatientLoginResultDto })
  @ApiResponse({ status: 401, description: '`OTP_INVALID`' })
  @ApiResponse({ status: 423, description: '`OTP_LOCKED`' })
  verifyOtp(@Body() body: VerifyPatientOtpDto): Promise<PatientLoginResultDto> {
    return this.commands.execute(new VerifyPatientOtp(body.phone, body.code, body.fullName));
  }

  @Post('refresh-token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (rotation; reuse signs the session out)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiResponse({ status: 401, description: '`TOKEN_REUSED` or `REFRESH_TOKEN_INVALID`' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.commands.execute(new RefreshSession(body.refreshToken, 'patient'));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes the session of this refresh token' })
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.commands.execute(new Logout(body.refreshToken));
  }

  @Get('me')
  @PatientOnly()
  @ApiOperation({ summary: 'The signed-in patient' })
  @ApiOkResponse({ type: PatientDto })
  me(@CurrentActor() actor: Actor): Promise<PatientDto> {
    return this.queries.execute(new ViewPatientProfile(actor, actor.id));
  }
}
