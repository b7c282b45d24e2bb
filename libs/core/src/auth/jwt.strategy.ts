import { Inject, Injectable, Optional } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AUTH_CONFIG } from '../config/config.module';
import type { AuthConfig } from '../config/env';
import { AccessTokenClaims, Actor, actorFromClaims } from './actor';
import { jwtKey } from './jwt-key';
import { PrincipalGate } from './principal-gate';

/**
 * Verifies HS256 access tokens (signature, expiry; `alg: none` is never accepted), then asks the
 * PrincipalGate whether the session and user still stand.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_CONFIG) config: AuthConfig,
    @Optional() private readonly gate?: PrincipalGate,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt types say string | Buffer; jsonwebtoken takes a KeyObject (see jwtKey).
      secretOrKey: jwtKey(config) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** A token whose session or user no longer stands is refused (passport answers 401). */
  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    if (!this.gate) return actorFromClaims(claims);
    return (await this.gate.resolve(claims)) ?? false;
  }
}
