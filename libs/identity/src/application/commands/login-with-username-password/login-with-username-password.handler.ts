import { InvalidCredentialsError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import type { LoginResultDto } from '../../dto/login.dto';
import { PasswordHasher } from '../../ports/password-hasher';
import { staffUserStateToDto } from '../../staff-user-view';
import { TokenIssuer } from '../../token-issuer';
import { LoginWithUsernamePassword } from './login-with-username-password.command';

/**
 * Every failure (unknown or deleted user, no password set, wrong password, deactivated user)
 * costs one password check and throws the same error, so neither the answer nor its timing
 * tells an attacker which usernames exist.
 */
@CommandHandler(LoginWithUsernamePassword)
export class LoginWithUsernamePasswordHandler implements ICommandHandler<LoginWithUsernamePassword> {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
  ) {}

  async execute({ username, password }: LoginWithUsernamePassword): Promise<LoginResultDto> {
    const user = await this.users.findByUsername(username.trim());
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, password);
    // Status is checked only after the hash, so a deactivated account answers as slowly as any.
    if (!user || !passwordMatches || !user.canSignIn) throw new InvalidCredentialsError();
    const token = await this.tokens.issueForStaff(user);
    return { ...token, user: staffUserStateToDto(user.snapshot()) };
  }
}
