import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { LoginResultDto } from '../../dto/login.dto';
import { StaffSignIn } from '../../sessions/staff-sign-in';
import { LoginWithPhonePassword } from './login-with-phone-password.command';

@CommandHandler(LoginWithPhonePassword)
export class LoginWithPhonePasswordHandler implements ICommandHandler<LoginWithPhonePassword> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly signIn: StaffSignIn,
  ) {}

  async execute({ phone, password }: LoginWithPhonePassword): Promise<LoginResultDto> {
    const user = await this.users.findByPhone(phone);
    return this.signIn.withPassword('phone-password', `phone:${phone}`, user, password);
  }
}
