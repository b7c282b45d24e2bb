import { AccessTokenClaims, AUTH_CONFIG, newId } from '@carebook/core';
import type { AuthConfig } from '@carebook/core';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { StaffUser } from '../domain/staff-user';

/** A signed access token and how long it lives. */
export interface IssuedAccessToken {
  accessToken: string;
  /** Lifetime in seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
}

/**
 * Signs access tokens (HS256, with the secret core's JwtStrategy verifies). Role and centres
 * travel in the token so guards decide without a database read; a change reaches the user
 * with their next token, at most `accessTtlSeconds` later. `jti` makes every token unique
 * (and revocable once a deny list exists).
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_CONFIG) private readonly config: Pick<AuthConfig, 'accessTtlSeconds'>,
  ) {}

  async issueForStaff(user: StaffUser): Promise<IssuedAccessToken> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      typ: 'staff',
      role: user.role,
      cid: user.centreIds,
      jti: newId(),
    };
    const expiresIn = this.config.accessTtlSeconds;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, expiresIn, tokenType: 'Bearer' };
  }
}
