import { Actor, NotFoundError } from '@carebook/core';
import { GetPatient, GetPatientNames, RegisterPatient } from '@carebook/patients';
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
    if (!patientIds.length) return new Map();
    const names = await this.queries.execute(new GetPatientNames(patientIds));
    return new Map(names.map((n) => [n.id, n.fullName]));
  }

  async register(actor: Actor, patient: { fullName: string; phone: string }): Promise<PatientCard> {
    // RegisterPatient joins the caller's unit of work: a refused booking rolls the record back.
    const created = await this.commands.execute(new RegisterPatient(actor, patient));
    return { id: created.id, fullName: created.fullName };
  }
}
