import { AppointmentBooked, AppointmentCancelled, AppointmentRescheduled, AppointmentStatusChanged } from '@carebook/booking';
import { CentreActivationChanged, CentreDeleted, CentreUpdated } from '@carebook/centres';
import {
  AvailabilityChanged,
  ClinicianActivationChanged,
  ClinicianCreated,
  ClinicianDeleted,
  ClinicianUpdated,
  TimeOffAdded,
  TimeOffRemoved,
} from '@carebook/clinicians';
import { DomainEvent, DomainEventHandler, OnDomainEvent } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectClinician } from '../commands/project-clinician/project-clinician.command';

/** Any change to a clinician's profile, availability or bookings re-projects their row. */
@Injectable()
@OnDomainEvent(
  ClinicianCreated,
  ClinicianUpdated,
  AvailabilityChanged,
  TimeOffAdded,
  TimeOffRemoved,
  ClinicianActivationChanged,
  ClinicianDeleted,
  AppointmentBooked,
  AppointmentRescheduled,
  AppointmentStatusChanged,
  AppointmentCancelled,
)
export class ProjectOnClinicianEvents implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: DomainEvent): Promise<void> {
    const clinicianId = 'clinicianId' in event ? String(event.clinicianId) : event.aggregateId;
    await this.commands.execute(new ProjectClinician(clinicianId));
  }
}

/** A centre that moves, closes or reopens re-projects the clinicians listed there. */
@Injectable()
@OnDomainEvent(CentreUpdated, CentreActivationChanged, CentreDeleted)
export class ProjectOnCentreEvents implements DomainEventHandler {
  constructor(
    private readonly commands: CommandBus,
    private readonly db: DataSource,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const rows: Array<{ clinician_id: string }> = await this.db.query(
      `SELECT clinician_id FROM directory_clinicians WHERE primary_centre_id = $1`,
      [event.aggregateId],
    );
    for (const row of rows) await this.commands.execute(new ProjectClinician(row.clinician_id));
  }
}
