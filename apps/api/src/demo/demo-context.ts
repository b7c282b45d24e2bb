import { Clock } from '@carebook/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { buildClinicians, buildDeskUsers, DemoClinician, DemoStaffUser } from './demo-clinicians';
import { buildPatients, DemoPatient } from './demo-patients';

/**
 * What the seed needs from a running Nest application (the seed CLI's small context, or a
 * test's API): plain SQL for the rows, the buses for the contexts' queries and commands (free
 * slots, directory projection), and the clock they all use.
 */
export interface DemoContext {
  db: DataSource;
  commands: CommandBus;
  queries: QueryBus;
  clock: Clock;
}

export function demoContextOf(app: INestApplicationContext): DemoContext {
  return { db: app.get(DataSource), commands: app.get(CommandBus), queries: app.get(QueryBus), clock: app.get(Clock) };
}

/** The whole (deterministic) demo population. */
export interface DemoData {
  deskUsers: DemoStaffUser[];
  clinicians: DemoClinician[];
  patients: DemoPatient[];
}

let built: DemoData | undefined;
export function demoData(): DemoData {
  built ??= { deskUsers: buildDeskUsers(), clinicians: buildClinicians(), patients: buildPatients() };
  return built;
}
