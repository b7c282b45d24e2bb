/** @carebook/testing: test services, in-process app boot, fixtures and fakes. Tests only. */
export * from './test-services';
export * from './test-app';
export * from './fixtures';
export * from './staff-fixtures';
export * from './clinician-fixtures';
export * from './fixed-clock';
export * from './disposable-redis';
export * from './test-database';
export * from './patient-fixtures';
export * from './patient-record-fixtures';
export * from './booking-fixtures';
export * from './eventually';
export * from './socket-fixtures';
export * from './fakes/fake-twilio-api';
export * from './fakes/fake-smtp-server';
export * from './worker-process';
export * from './relay-fixtures';
