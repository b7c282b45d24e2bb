import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time codes, sessions (refresh-token families) with their tokens, and sign-in failures. */
export class AuthSessions1764000000500 implements MigrationInterface {
  name = 'AuthSessions1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE otp_challenges (
        id             uuid NOT NULL,
        purpose        text NOT NULL,
        phone          text NOT NULL,
        code_hash      text NOT NULL,
        expires_at     timestamptz NOT NULL,
        failed_attempts smallint NOT NULL DEFAULT 0,
        consumed_at    timestamptz,
        locked_at      timestamptz,
        superseded_at  timestamptz,
        created_at     timestamptz NOT NULL,
        CONSTRAINT "PK_otp_challenges" PRIMARY KEY (id),
        CONSTRAINT "CHK_otp_challenges_purpose" CHECK (purpose IN ('STAFF_LOGIN', 'PATIENT_LOGIN')),
        CONSTRAINT "CHK_otp_challenges_attempts" CHECK (failed_attempts BETWEEN 0 AND 5)
      )`);
    // Serves "the live code of this phone" and "sends in the last 15 minutes".
    await q.query(`CREATE INDEX "IDX_otp_challenges_phone" ON otp_challenges (phone, purpose, created_at DESC)`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id              uuid NOT NULL,
        principal_type  text NOT NULL,
        principal_id    uuid NOT NULL,
        created_at      timestamptz NOT NULL,
        last_used_at    timestamptz NOT NULL,
        revoked_at      timestamptz,
        revoked_reason  text,
        CONSTRAINT "PK_auth_sessions" PRIMARY KEY (id),
        CONSTRAINT "CHK_auth_sessions_principal_type" CHECK (principal_type IN ('staff', 'patient')),
        CONSTRAINT "CHK_auth_sessions_revoked" CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await q.query(
      `CREATE INDEX "IDX_auth_sessions_principal" ON auth_sessions (principal_id) WHERE revoked_at IS NULL`,
    );

    // Opaque refresh tokens, stored as SHA-256 hashes only; each is used at most once.
    await q.query(`
      CREATE TABLE refresh_tokens (
        id          uuid NOT NULL,
        session_id  uuid NOT NULL,
        token_hash  text NOT NULL,
        issued_at   timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        CONSTRAINT "PK_refresh_tokens" PRIMARY KEY (id),
        CONSTRAINT "UQ_refresh_tokens_hash" UNIQUE (token_hash),
        CONSTRAINT "FK_refresh_tokens_session" FOREIGN KEY (session_id) REFERENCES auth_sessions (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_refresh_tokens_session" ON refresh_tokens (session_id)`);

    // Failed sign-ins per account (phone or username), for the hourly cap; pruned by age.
    await q.query(`
      CREATE TABLE sign_in_failures (
        subject      text NOT NULL,
        occurred_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX "IDX_sign_in_failures_subject" ON sign_in_failures (subject, occurred_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_failures`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`DROP TABLE otp_challenges`);
  }
}
