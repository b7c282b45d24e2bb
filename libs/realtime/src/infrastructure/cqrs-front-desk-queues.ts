import { GetFrontDeskQueue } from '@carebook/booking';
import { NotFoundError, Role, StaffActor } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FrontDeskQueues } from '../application/ports/front-desk-queues';
import type { QueueEntry } from '../domain/socket-events';

/** Stands for no user: the worker reads a queue on behalf of the centre's front desk. */
const WORKER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Queues through booking's `GetFrontDeskQueue`, asked as a FRONT_DESK member of that centre
 * only, so the push holds exactly what its recipients may read. An unknown or inactive centre
 * has no queue.
 */
@Injectable()
export class CqrsFrontDeskQueues extends FrontDeskQueues {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async queueOf(centreId: string): Promise<QueueEntry[]> {
    const desk: StaffActor = {
      kind: 'staff',
      id: WORKER_ID,
      role: Role.FRONT_DESK,
      centreIds: [centreId],
    };
    try {
      const { items } = await this.queries.execute(new GetFrontDeskQueue(desk, centreId));
      return items;
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }
}
