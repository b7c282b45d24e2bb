import { Command } from '@nestjs/cqrs';
import type { LoginResultDto } from '../../dto/login.dto';

/** Staff sign-in with an E.164 phone and a password. */
export class LoginWithPhonePassword extends Command<LoginResultDto> {
  constructor(
    readonly phone: string,
    readonly password: string,
  ) {
    super();
  }
}
