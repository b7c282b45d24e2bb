import { Command } from '@nestjs/cqrs';
import type { LoginResultDto } from '../../dto/login.dto';

/** Signs a staff user in with username and password. Any failure: 401 INVALID_CREDENTIALS. */
export class LoginWithUsernamePassword extends Command<LoginResultDto> {
  constructor(
    readonly username: string,
    readonly password: string,
  ) {
    super();
  }
}
