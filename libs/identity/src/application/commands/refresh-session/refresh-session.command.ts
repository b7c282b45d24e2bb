import { Command } from '@nestjs/cqrs';
import type { TokenPairDto } from '../../dto/sign-in.dto';

/** Trades a refresh token for a new pair (staff at /auth/refresh, patients at /patient-auth/refresh-token). */
export class RefreshSession extends Command<TokenPairDto> {
  constructor(
    readonly refreshToken: string,
    readonly principalType: 'staff' | 'patient',
  ) {
    super();
  }
}
