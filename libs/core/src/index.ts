/**
 * @carebook/core: the shared kernel. Configuration, database + unit of work + outbox, the error
 * model and its problem+json mapping, auth guards and decorators, paging, clock and ids.
 */
export * from './core.module';
export * from './config/env';
export * from './config/config.module';
export * from './database/data-source-options';
export * from './database/unit-of-work';
export * from './outbox/domain-event';
export * from './outbox/outbox-writer';
export * from './outbox/outbox-relay';
export * from './outbox/outbox-wakeup';
export * from './outbox/bullmq-outbox-publisher';
export * from './ddd/aggregate-root';
export * from './errors/domain-error';
export * from './errors/error-status';
export * from './errors/postgres-errors';
export * from './errors/problem-details.filter';
export * from './errors/validation';
export * from './idempotency/idempotency';
export * from './idempotency/idempotency-records';
export * from './auth/roles';
export * from './auth/actor';
export * from './auth/decorators';
export * from './auth/guards';
export * from './auth/auth-core.module';
export * from './http/paging';
export * from './http/configure-http-app';
export * from './http/request-context';
export * from './http/throttler-storage';
export * from './http/swagger';
export * from './clock/clock';
export * from './ids/ids';
export * from './redis/redis';
export * from './http/parse-id.pipe';
export * from './outbox/domain-event-dispatcher';
export * from './auth/principal-gate';
export * from './phone/phone';
export type { AuditEntry } from './audit/audit-entry';
export * from './audit/audit-log';
export * from './audit/masking';
export { LOG_STREAM } from './logging/logging.module';
export * from './auth/jwt-key';
