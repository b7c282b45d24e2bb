import { AuditLog, NotFoundError, Page } from '@carebook/core';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { AppointmentDto } from '../../dto/appointment.dto';
import { PatientDirectory } from '../../ports/patient-directory';
import { ListAppointments } from '../list-appointments/list-appointments.query';
import { ListPatientAppointments } from './list-patient-appointments.query';

@QueryHandler(ListPatientAppointments)
export class ListPatientAppointmentsHandler implements IQueryHandler<ListPatientAppointments> {
  constructor(
    private readonly patients: PatientDirectory,
    private readonly queries: QueryBus,
    private readonly audit: AuditLog,
  ) {}

  async execute({
    actor,
    patientId,
    filter,
  }: ListPatientAppointments): Promise<Page<AppointmentDto>> {
    if (actor.kind !== 'staff' || !(await this.patients.find(patientId)))
      throw new NotFoundError('Patient');
    const page = await this.queries.execute(new ListAppointments(actor, { ...filter, patientId }));
    await this.audit.record({
      action: 'patient.appointments.viewed',
      actor,
      targetType: 'patient',
      targetId: patientId,
      patientId,
      metadata: { count: page.items.length },
    });
    return page;
  }
}
