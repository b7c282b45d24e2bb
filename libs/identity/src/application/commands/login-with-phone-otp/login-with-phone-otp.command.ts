import { Command } from '@nestjs/cqrs';
import type { LoginResultDto } from '../../dto/login.dto';

/** Staff sign-in with the code sent by `SendOtp(phone, 'STAFF_LOGIN')`. */
export class LoginWithPhoneOtp extends Command<LoginResultDto> {
  constructor(
    readonly phone: string,
    readonly code: string,
  ) {
    super();
  }
}
