import { AppointmentBooked, AppointmentStatusChanged } from '@carebook/booking';
import type { AppointmentStatus } from '@carebook/booking';
import { FixedClock } from '@carebook/testing';
import type { RealtimeMessage } from '../../domain/socket-events';
import { ClinicianUsers } from '../ports/clinician-users';
import { FrontDeskQueues } from '../ports/front-desk-queues';
import { DisconnectNotice, RealtimePublisher } from '../ports/realtime-publisher';
import { PushAppointmentNew } from './push-appointment-new.handler';
import { PushAppointmentUpdate } from './push-appointment-update.handler';
import { PushQueueUpdate } from './push-queue-update.handler';

class RecordingPublisher extends RealtimePublisher {
  readonly published: RealtimeMessage[] = [];
  readonly disconnected: Array<{ rooms: string[]; notice: DisconnectNotice }> = [];
  async publish(message: RealtimeMessage): Promise<void> {
    this.published.push(message);
  }
  async disconnect(rooms: string[], notice: DisconnectNotice): Promise<void> {
    this.disconnected.push({ rooms, notice });
  }
}

const parties = { patientId: 'p1', clinicianId: 'doc1', centreId: 'c1' };
const at = new Date('2026-03-02T09:00:00Z');
const clinicians: ClinicianUsers = {
  userIdOf: async (id) => (id === 'doc1' ? 'doc-user' : undefined),
};
const statusChanged = (from: AppointmentStatus, to: AppointmentStatus) =>
  new AppointmentStatusChanged('a1', parties, from, to, 'UNPAID', '2026-03-02T10:00:00.000Z', at);

describe('push handlers', () => {
  it("address appointment:new to the clinician's user", async () => {
    const publisher = new RecordingPublisher();
    const event = new AppointmentBooked(
      'a1',
      parties,
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T10:20:00.000Z',
      'ONLINE',
      'PENDING',
      'ONLINE',
      null,
      'Asha Rao',
      '2026-03-02T09:15:00.000Z',
      { amount: 1, currency: 'INR' },
      at,
    );
    await new PushAppointmentNew(clinicians, publisher).handle(event);
    expect(publisher.published).toHaveLength(1);
    expect(publisher.published[0].rooms).toContain('user:doc-user');
  });

  it('push every appointment change as appointment:update', async () => {
    const publisher = new RecordingPublisher();
    await new PushAppointmentUpdate(clinicians, publisher).handle(
      statusChanged('PENDING', 'CONFIRMED'),
    );
    expect(publisher.published.map((m) => m.event)).toEqual(['appointment:update']);
  });

  it('read the queue after a change into the waiting room, stamped with the time before the read', async () => {
    const publisher = new RecordingPublisher();
    const clock = new FixedClock(new Date('2026-03-02T09:00:05Z'));
    const reads: string[] = [];
    const queues: FrontDeskQueues = {
      queueOf: async (centreId) => {
        reads.push(centreId);
        clock.advance(1000);
        return [];
      },
    };
    const handler = new PushQueueUpdate(queues, publisher, clock);
    await handler.handle(statusChanged('PENDING', 'CONFIRMED'));
    expect(reads).toEqual([]);
    await handler.handle(statusChanged('CONFIRMED', 'CHECKED_IN'));
    expect(reads).toEqual(['c1']);
    expect(publisher.published).toEqual([
      expect.objectContaining({
        event: 'queue:update',
        payload: expect.objectContaining({
          centreId: 'c1',
          queue: [],
          asOf: '2026-03-02T09:00:05.000Z',
        }),
      }),
    ]);
  });

  it('fail when the publisher fails, so the domain-events job retries', async () => {
    const failing = new RecordingPublisher();
    failing.publish = async () => {
      throw new Error('redis down');
    };
    await expect(
      new PushAppointmentUpdate(clinicians, failing).handle(statusChanged('PENDING', 'CONFIRMED')),
    ).rejects.toThrow('redis down');
  });
});
