import { Actor, NotFoundError } from '@carebook/core';
import { GetPatient, RegisterPatient } from '@carebook/patients';
import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PatientCard, PatientDirectory } from '../application/ports/patient-directory';

/** Patients through the patients context's `GetPatient` and `RegisterPatient`. */
@Injectable()
export class CqrsPatientDirectory extends PatientDirectory {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {
    super();
  }

  async find(patientId: string): Promise<PatientCard | undefined> {
    try {
      const patient = await this.queries.execute(new GetPatient(patientId));
      return { id: patient.id, fullName: patient.fullName };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async namesOf(patientIds: readonly string[]): Promise<Map<string, string | null>> {
    // One look-up per patient: boards and queues show a day of one centre (tens of patients).
    const cards = await Promise.all([...new Set(patientIds)].map((id) => this.find(id)));
    return new Map(cards.filter((c): c is PatientCard => !!c).map((c) => [c.id, c.fullName]));
  }

  async register(actor: Actor, patient: { fullName: string; phone: string }): Promise<PatientCard> {
    // RegisterPatient joins the caller's unit of work: a refused booking rolls the record back.
    const created = await this.commands.execute(new RegisterPatient(actor, patient));
    return { id: created.id, fullName: created.fullName };
  }
}
