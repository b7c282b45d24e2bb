/** @carebook/centres: clinic locations. Use its commands and queries through the CQRS buses. */
export * from './centres.module';
export * from './application/dto/centre.dto';
export * from './application/commands/create-centre/create-centre.command';
export * from './application/commands/update-centre/update-centre.command';
export * from './application/commands/delete-centre/delete-centre.command';
export * from './application/commands/toggle-centre-active/toggle-centre-active.command';
export * from './application/queries/list-centres/list-centres.query';
export * from './application/queries/get-centre/get-centre.query';
export * from './application/queries/find-centres-near/find-centres-near.query';
export * from './domain/events/centre-events';
export { isIanaTimeZone } from './domain/time-zone';
