import { AuditLog, Clock, UnitOfWork } from '@carebook/core';
import { RegisterPatientByPhone } from '@carebook/patients';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PatientLoginResultDto } from '../../dto/sign-in.dto';
import { OtpVerifier } from '../../otp/otp-verifier';
import { SessionTokens } from '../../sessions/session-tokens';
import { VerifyPatientOtp } from './verify-patient-otp.command';

@CommandHandler(VerifyPatientOtp)
export class VerifyPatientOtpHandler implements ICommandHandler<VerifyPatientOtp> {
  constructor(
    private readonly otp: OtpVerifier,
    private readonly sessions: SessionTokens,
    private readonly commands: CommandBus,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ phone, code, fullName }: VerifyPatientOtp): Promise<PatientLoginResultDto> {
    await this.otp.assertBelowCap(phone);
    const result = await this.uow.run(async () => {
      const now = this.clock.now();
      const verdict = await this.otp.check(phone, 'PATIENT_LOGIN', code, now);
      if (verdict !== 'ACCEPTED') return { ok: false as const, verdict };
      // Registration, session and audit commit together with the consumed code.
      const { patient, created } = await this.commands.execute(
        new RegisterPatientByPhone(phone, fullName),
      );
      const tokens = await this.sessions.start({ type: 'patient', id: patient.id }, now);
      await this.audit.record({
        action: created ? 'auth.patient.registered' : 'auth.login.succeeded',
        actor: { kind: 'patient', id: patient.id },
        targetType: 'patient',
        targetId: patient.id,
        patientId: patient.id,
        metadata: { method: 'phone-otp' },
      });
      return { ok: true as const, login: { ...tokens, patient, registered: created } };
    });
    if (result.ok) return result.login;
    return this.otp.reject(result.verdict, phone, 'PATIENT_LOGIN');
  }
}
