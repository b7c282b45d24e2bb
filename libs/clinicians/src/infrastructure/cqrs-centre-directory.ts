import { Actor, NotFoundError } from '@carebook/core';
import { GetCentre } from '@carebook/centres';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CentreDirectory, CentreSummary } from '../application/ports/centre-directory';

/** Centres through their context's `GetCentre` query (never their table). */
@Injectable()
export class CqrsCentreDirectory extends CentreDirectory {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async find(centreId: string, actor?: Actor): Promise<CentreSummary | undefined> {
    try {
      const centre = await this.queries.execute(new GetCentre(centreId, actor));
      return { id: centre.id, city: centre.city, timeZone: centre.timeZone };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
