import { AUTH_CONFIG } from '@carebook/core';
import type { AuthConfig } from '@carebook/core';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Six-digit codes from the CSPRNG, stored as HMAC-SHA256 keyed by a server secret and bound to
 * their challenge id: a leaked table cannot be brute-forced over the 10^6 codes offline.
 */
@Injectable()
export class OtpCodes {
  private readonly key: Buffer;

  constructor(@Inject(AUTH_CONFIG) config: Pick<AuthConfig, 'jwtSecret'>) {
    this.key = createHash('sha256').update(`carebook-otp:${config.jwtSecret}`).digest();
  }

  generate(): string {
    return String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  hash(challengeId: string, code: string): string {
    return createHmac('sha256', this.key).update(`${challengeId}:${code}`).digest('base64url');
  }

  matches(challengeId: string, code: string, storedHash: string): boolean {
    if (!/^\d{6}$/.test(code)) return false;
    const given = Buffer.from(this.hash(challengeId, code));
    const stored = Buffer.from(storedHash);
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}
