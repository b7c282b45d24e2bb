import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { LoginResultDto } from '../../dto/login.dto';
import { StaffSignIn } from '../../sessions/staff-sign-in';
import { LoginWithUsernamePassword } from './login-with-username-password.command';

@CommandHandler(LoginWithUsernamePassword)
export class LoginWithUsernamePasswordHandler implements ICommandHandler<LoginWithUsernamePassword> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly signIn: StaffSignIn,
  ) {}

  async execute({ username, password }: LoginWithUsernamePassword): Promise<LoginResultDto> {
    const name = username.trim().toLowerCase();
    const user = await this.users.findByUsername(name);
    return this.signIn.withPassword('username-password', `username:${name}`, user, password);
  }
}
