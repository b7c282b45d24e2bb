import { RateLimitedError } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FAILED_SIGN_INS_PER_HOUR, SignInFailures } from '../application/ports/sign-in-failures';

const HOUR_MS = 3600_000;

/** Uses the pool directly (never the caller's transaction) so failures survive a rollback. */
@Injectable()
export class TypeormSignInFailures extends SignInFailures {
  constructor(private readonly db: DataSource) {
    super();
  }

  async assertBelowCap(subject: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - HOUR_MS);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n, min(occurred_at) AS oldest FROM (
         SELECT occurred_at FROM sign_in_failures WHERE subject = $1 AND occurred_at > $2
          ORDER BY occurred_at DESC LIMIT $3) recent`,
      [subject, since, FAILED_SIGN_INS_PER_HOUR],
    );
    if (row.n < FAILED_SIGN_INS_PER_HOUR) return;
    const retryAfterMs = new Date(row.oldest).getTime() + HOUR_MS - now.getTime();
    throw new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }

  async record(subject: string, now: Date): Promise<void> {
    await this.db.query(`INSERT INTO sign_in_failures (subject, occurred_at) VALUES ($1, $2)`, [subject, now]);
    await this.db.query(`DELETE FROM sign_in_failures WHERE subject = $1 AND occurred_at < $2`, [
      subject,
      new Date(now.getTime() - 24 * HOUR_MS),
    ]);
  }
}
