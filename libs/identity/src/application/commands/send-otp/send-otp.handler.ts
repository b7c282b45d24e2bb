import { AuditLog, Clock, maskPhone, RateLimitedError, UnitOfWork } from '@carebook/core';
import { SendMessage } from '@carebook/notifications';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OTP_RULES, OtpChallenge } from '../../../domain/otp-challenge';
import { OtpChallengeRepository } from '../../../domain/otp-challenge.repository';
import { StaffUserRepository } from '../../../domain/staff-user.repository';
import { OtpCodes } from '../../otp/otp-codes';
import { SendOtp } from './send-otp.command';

@CommandHandler(SendOtp)
export class SendOtpHandler implements ICommandHandler<SendOtp> {
  constructor(
    private readonly challenges: OtpChallengeRepository,
    private readonly staff: StaffUserRepository,
    private readonly codes: OtpCodes,
    private readonly commands: CommandBus,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ phone, purpose }: SendOtp): Promise<{ expiresIn: number }> {
    const now = this.clock.now();
    await this.uow.run(async () => {
      await this.challenges.lock(phone, purpose);
      const recent = await this.challenges.sentSince(
        phone,
        purpose,
        new Date(now.getTime() - OTP_RULES.sendWindowMs),
      );
      if (recent.length >= OTP_RULES.sendsPerWindow) {
        const freeAt =
          recent[recent.length - OTP_RULES.sendsPerWindow].getTime() + OTP_RULES.sendWindowMs;
        throw new RateLimitedError(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
      }
      // Unknown phones get a challenge too (that nobody receives): limits and timing stay the same.
      await this.challenges.supersedeLive(phone, purpose, now);
      const code = this.codes.generate();
      const challenge = OtpChallenge.issue(phone, purpose, (id) => this.codes.hash(id, code), now);
      await this.challenges.add(challenge);
      if (await this.mayReceive(phone, purpose)) {
        await this.commands.execute(
          new SendMessage({
            to: phone,
            template: 'otp',
            body: `${code} is your carebook sign-in code. It expires in 5 minutes. Never share it.`,
            sensitive: true,
            idempotencyKey: `otp:${challenge.id}`,
          }),
        );
      }
      await this.audit.record({
        action: 'auth.otp.sent',
        actor: null,
        metadata: { purpose, phone: maskPhone(phone) },
      });
    });
    return { expiresIn: OTP_RULES.ttlMs / 1000 };
  }

  private async mayReceive(phone: string, purpose: SendOtp['purpose']): Promise<boolean> {
    if (purpose === 'PATIENT_LOGIN') return true;
    return (await this.staff.findByPhone(phone))?.canSignIn ?? false;
  }
}
