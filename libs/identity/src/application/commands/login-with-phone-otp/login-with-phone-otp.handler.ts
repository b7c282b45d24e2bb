import { Clock, UnitOfWork } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { LoginResultDto } from '../../dto/login.dto';
import { OtpVerifier } from '../../otp/otp-verifier';
import { StaffSignIn } from '../../sessions/staff-sign-in';
import { LoginWithPhoneOtp } from './login-with-phone-otp.command';

@CommandHandler(LoginWithPhoneOtp)
export class LoginWithPhoneOtpHandler implements ICommandHandler<LoginWithPhoneOtp> {
  constructor(
    private readonly otp: OtpVerifier,
    private readonly users: StaffUserRepository,
    private readonly signIn: StaffSignIn,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ phone, code }: LoginWithPhoneOtp): Promise<LoginResultDto> {
    await this.otp.assertBelowCap(phone);
    // The verdict commits even when sign-in fails: a wrong guess must count.
    const result = await this.uow.run(async () => {
      const verdict = await this.otp.check(phone, 'STAFF_LOGIN', code, this.clock.now());
      if (verdict !== 'ACCEPTED') return { ok: false as const, verdict };
      const user = await this.users.findByPhone(phone);
      if (!user?.canSignIn) return { ok: false as const, verdict: 'INVALID' as const };
      return { ok: true as const, login: await this.signIn.open(user, 'phone-otp') };
    });
    if (result.ok) return result.login;
    return this.otp.reject(result.verdict, phone, 'STAFF_LOGIN');
  }
}
