import { Command } from '@nestjs/cqrs';
import type { OtpPurpose } from '../../../domain/otp-challenge';

/**
 * Sends a one-time sign-in code to a phone (E.164). Answers the same whether or not the phone
 * belongs to anyone; staff codes go only to active staff, patient codes to any phone.
 */
export class SendOtp extends Command<{ expiresIn: number }> {
  constructor(
    readonly phone: string,
    readonly purpose: OtpPurpose,
  ) {
    super();
  }
}
