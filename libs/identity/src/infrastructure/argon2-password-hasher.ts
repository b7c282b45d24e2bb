import { Injectable } from '@nestjs/common';
import { argon2id, hash, HashOptions, verify } from 'argon2';
import { PasswordHasher } from '../application/ports/password-hasher';

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 50 ms per check on our 2-core
 * hosts, which bounds what a burst of logins costs in memory. Hashes carry their parameters,
 * so raising them later still verifies old hashes.
 */
const OPTIONS: HashOptions = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** PasswordHasher with argon2id. */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(digest: string | null, password: string): Promise<boolean> {
    if (digest === null) {
      // Same parameters as real hashes, so the wasted check costs what a real one does.
      this.dummyHash ??= hash('carebook-dummy-password', OPTIONS);
      await verify(await this.dummyHash, password);
      return false;
    }
    try {
      return await verify(digest, password);
    } catch {
      // A corrupt stored hash must read as "wrong password", not as a 500.
      return false;
    }
  }
}
