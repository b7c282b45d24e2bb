import { UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { OtpChallenge, OtpPurpose } from '../domain/otp-challenge';
import { OtpChallengeRepository } from '../domain/otp-challenge.repository';

interface OtpRow {
  id: string;
  purpose: OtpPurpose;
  phone: string;
  code_hash: string;
  expires_at: Date;
  failed_attempts: number;
  consumed_at: Date | null;
  locked_at: Date | null;
  superseded_at: Date | null;
  created_at: Date;
}

/** Plain SQL on `otp_challenges`, always through the caller's transaction. */
@Injectable()
export class TypeormOtpChallengeRepository extends OtpChallengeRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private q<T = unknown>(sql: string, params: unknown[]): Promise<T> {
    return this.uow.manager().query(sql, params);
  }

  async lock(phone: string, purpose: OtpPurpose): Promise<void> {
    await this.q(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`otp:${purpose}:${phone}`]);
  }

  async sentSince(phone: string, purpose: OtpPurpose, since: Date): Promise<Date[]> {
    const rows = await this.q<Array<{ created_at: Date }>>(
      `SELECT created_at FROM otp_challenges WHERE phone = $1 AND purpose = $2 AND created_at > $3 ORDER BY created_at`,
      [phone, purpose, since],
    );
    return rows.map((r) => r.created_at);
  }

  async supersedeLive(phone: string, purpose: OtpPurpose, now: Date): Promise<void> {
    await this.q(
      `UPDATE otp_challenges SET superseded_at = $3
        WHERE phone = $1 AND purpose = $2 AND superseded_at IS NULL AND consumed_at IS NULL`,
      [phone, purpose, now],
    );
  }

  async add(challenge: OtpChallenge): Promise<void> {
    const s = challenge.snapshot();
    await this.q(
      `INSERT INTO otp_challenges (id, purpose, phone, code_hash, expires_at, failed_attempts, created_at)
       VALUES ($1, $2, $3, $4, $5, 0, $6)`,
      [s.id, s.purpose, s.phone, s.codeHash, s.expiresAt, s.createdAt],
    );
  }

  async findCurrent(phone: string, purpose: OtpPurpose): Promise<OtpChallenge | undefined> {
    const [row] = await this.q<OtpRow[]>(
      `SELECT * FROM otp_challenges WHERE phone = $1 AND purpose = $2 AND superseded_at IS NULL
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phone, purpose],
    );
    if (!row) return undefined;
    return OtpChallenge.restore({
      id: row.id,
      purpose: row.purpose,
      phone: row.phone,
      codeHash: row.code_hash,
      expiresAt: row.expires_at,
      failedAttempts: row.failed_attempts,
      consumedAt: row.consumed_at,
      lockedAt: row.locked_at,
      supersededAt: row.superseded_at,
      createdAt: row.created_at,
    });
  }

  async update(challenge: OtpChallenge): Promise<void> {
    const s = challenge.snapshot();
    await this.q(
      `UPDATE otp_challenges SET failed_attempts = $2, consumed_at = $3, locked_at = $4 WHERE id = $1`,
      [s.id, s.failedAttempts, s.consumedAt, s.lockedAt],
    );
  }
}
