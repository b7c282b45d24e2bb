/**
 * @carebook/clinicians: clinician profiles, weekly availability and time off, and the schedule
 * queries booking builds slots from. Use its commands and queries through the CQRS buses.
 */
export * from './clinicians.module';
export * from './application/dto/clinician.dto';
export * from './application/dto/clinician-settings-input.dto';
export * from './application/dto/create-clinician.dto';
export * from './application/dto/update-clinician.dto';
export * from './application/dto/availability.dto';
export * from './application/commands/create-clinician/create-clinician.command';
export * from './application/commands/update-clinician/update-clinician.command';
export * from './application/commands/delete-clinician/delete-clinician.command';
export * from './application/commands/toggle-clinician-active/toggle-clinician-active.command';
export * from './application/commands/replace-weekly-availability/replace-weekly-availability.command';
export * from './application/commands/add-time-off/add-time-off.command';
export * from './application/commands/remove-time-off/remove-time-off.command';
export * from './application/queries/get-clinician/get-clinician.query';
export * from './application/queries/get-clinician-availability/get-clinician-availability.query';
export * from './application/queries/get-clinician-schedule/get-clinician-schedule.query';
export * from './application/queries/get-clinician-schedules/get-clinician-schedules.query';
export type { ClinicianSchedule } from './application/queries/get-clinician-schedule/clinician-schedule';
export { scheduleFromJson, TIME_OFF_LOOKBACK_MS, type ScheduleJson } from './application/queries/get-clinician-schedules/schedule-sql';
export type { ClinicianSettings, Money } from './domain/clinician-profile';
export type { AvailabilityRuleInput } from './domain/weekly-availability';
export * from './domain/events/clinician-events';
