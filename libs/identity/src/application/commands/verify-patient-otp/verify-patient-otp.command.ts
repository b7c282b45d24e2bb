import { Command } from '@nestjs/cqrs';
import type { PatientLoginResultDto } from '../../dto/sign-in.dto';

/** Patient sign-in with the code sent by `SendOtp(phone, 'PATIENT_LOGIN')`; the first one registers. */
export class VerifyPatientOtp extends Command<PatientLoginResultDto> {
  constructor(
    readonly phone: string,
    readonly code: string,
    readonly fullName?: string,
  ) {
    super();
  }
}
