import type { UnitOfWork } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import type { CommandBus } from '@nestjs/cqrs';
import type { Channel } from '../../../domain/channel';
import {
  FakeMessageChannels,
  InMemoryChannelPreferences,
  InMemoryMessageRepository,
  RecordingChannel,
} from '../../../testing/notification-fakes';
import { SendMessage } from '../../commands/send-message/send-message.command';
import { SendMessageHandler } from '../../commands/send-message/send-message.handler';
import {
  AppointmentRecord,
  AppointmentRecords,
  CentreRecord,
  PatientContact,
} from '../../ports/appointment-records';
import { AppointmentMessages } from '../appointment-messages';

/** Spec-only: records in maps; an actor sees only appointments of their centres. */
export class InMemoryAppointmentRecords extends AppointmentRecords {
  readonly appointments = new Map<string, AppointmentRecord>();
  readonly patients = new Map<string, PatientContact>();
  readonly clinicians = new Map<string, string>();
  readonly centres = new Map<string, CentreRecord>();

  async appointment(id: string, actor?: Parameters<AppointmentRecords['appointment']>[1]) {
    const found = this.appointments.get(id);
    if (!found || !actor || actor.kind !== 'staff' || actor.role === 'ADMIN') return found;
    return actor.centreIds.includes(found.centreId) ? found : undefined;
  }
  async patient(id: string) {
    return this.patients.get(id);
  }
  async clinicianName(id: string) {
    return this.clinicians.get(id);
  }
  async centre(id: string) {
    return this.centres.get(id);
  }
}

export const NOW = new Date('2026-03-28T09:00:00Z');
export const STARTS_AT = new Date('2026-03-29T08:30:00Z'); // 09:30 BST in London
export const IDS = {
  appointment: '11111111-1111-4111-8111-111111111111',
  patient: '22222222-2222-4222-8222-222222222222',
  clinician: '33333333-3333-4333-8333-333333333333',
  centre: '44444444-4444-4444-8444-444444444444',
};

/**
 * A London centre's CONFIRMED appointment (tomorrow 09:30 BST) of Asha Rao, who has a phone
 * and an e-mail address, with the real SendMessage behind a bus; SMS and EMAIL are live.
 */
export function appointmentMessagesHarness() {
  const clock = new FixedClock(NOW);
  const records = new InMemoryAppointmentRecords();
  const repo = new InMemoryMessageRepository();
  const channels: Channel[] = ['SMS', 'EMAIL', 'WHATSAPP', 'LOG'];
  const send = new SendMessageHandler(
    repo,
    new FakeMessageChannels(...channels.map((c) => new RecordingChannel(c))),
    clock,
    new InMemoryChannelPreferences(),
  );
  const bus = {
    execute: (command: unknown) => {
      if (!(command instanceof SendMessage)) throw new Error('unexpected command');
      return send.execute(command);
    },
  } as unknown as CommandBus;
  const uow = { run: (work: (m: unknown) => Promise<unknown>) => work(undefined) } as UnitOfWork;
  const messages = new AppointmentMessages(records, bus, uow, clock);

  records.appointments.set(IDS.appointment, {
    id: IDS.appointment,
    patientId: IDS.patient,
    clinicianId: IDS.clinician,
    centreId: IDS.centre,
    startsAt: STARTS_AT,
    endsAt: new Date(STARTS_AT.getTime() + 20 * 60_000),
    sessionType: 'IN_PERSON',
    status: 'CONFIRMED',
    meetLink: null,
    updatedAt: new Date('2026-03-20T10:00:00Z'),
  });
  records.patients.set(IDS.patient, {
    fullName: 'Asha Rao',
    phone: '+447700900123',
    email: 'asha@example.com',
  });
  records.clinicians.set(IDS.clinician, 'Dr. Meera Iyer');
  records.centres.set(IDS.centre, {
    name: 'carebook Marylebone',
    address: '1 Harley Street, London',
    timeZone: 'Europe/London',
  });
  const update = (changes: Partial<AppointmentRecord>) =>
    records.appointments.set(IDS.appointment, {
      ...records.appointments.get(IDS.appointment)!,
      ...changes,
    });
  const stored = () => [...repo.rows.values()];
  return { clock, records, repo, messages, update, stored };
}
