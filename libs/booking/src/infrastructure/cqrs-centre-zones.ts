import { GetCentre } from '@carebook/centres';
import { NotFoundError } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CentreZones } from '../application/ports/centre-zones';

/** Time zones from the centres context's `GetCentre` (active centres; others are unknown). */
@Injectable()
export class CqrsCentreZones extends CentreZones {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async timeZoneOf(centreId: string): Promise<string | undefined> {
    try {
      const centre = await this.queries.execute(new GetCentre(centreId));
      return centre.timeZone;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
