import { FixedClock } from '@carebook/testing';
import {
  FakeMessageChannels,
  InMemoryChannelPreferences,
  InMemoryMessageRepository,
  RecordingChannel,
} from '../../../testing/notification-fakes';
import { DeliverMessage } from '../deliver-message/deliver-message.command';
import { DeliverMessageHandler } from '../deliver-message/deliver-message.handler';
import { SendMessage } from '../send-message/send-message.command';
import { SendMessageHandler } from '../send-message/send-message.handler';
import { RecordDeliveryReport } from './record-delivery-report.command';
import { RecordDeliveryReportHandler } from './record-delivery-report.handler';

describe('RecordDeliveryReportHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let repo: InMemoryMessageRepository;
  let record: RecordDeliveryReportHandler;
  const sentSms = async () => {
    const channels = new FakeMessageChannels(new RecordingChannel('SMS'));
    const send = new SendMessageHandler(repo, channels, clock, new InMemoryChannelPreferences());
    const { messageId } = await send.execute(
      new SendMessage({ to: '+919812345678', template: 'appointment-confirmation', body: 'Hi' }),
    );
    await new DeliverMessageHandler(repo, channels, clock, { devMessages: false }).execute(
      new DeliverMessage(messageId),
    );
    return repo.rows.get(messageId)!;
  };
  const report = (providerMessageId: string, status: 'DELIVERED' | 'READ' | 'UNDELIVERED') =>
    record.execute(new RecordDeliveryReport({ providerMessageId, status, errorCode: '30003' }));

  beforeEach(() => {
    repo = new InMemoryMessageRepository();
    record = new RecordDeliveryReportHandler(repo, clock);
  });

  it('records the report on the message the provider id names', async () => {
    const sent = await sentSms();
    expect(sent).toMatchObject({ status: 'SENT', providerMessageId: 'sms-1' });
    clock.advance(4000);
    expect(await report('sms-1', 'DELIVERED')).toEqual({ recorded: true });
    expect(repo.rows.get(sent.id)).toMatchObject({
      status: 'SENT',
      deliveryStatus: 'DELIVERED',
      deliveryErrorCode: null,
      deliveryUpdatedAt: clock.now(),
    });
  });

  it('ignores an unknown id, a repeat and an older report; READ still follows DELIVERED', async () => {
    const sent = await sentSms();
    expect(await report('SM-unknown', 'DELIVERED')).toEqual({ recorded: false });
    await report('sms-1', 'DELIVERED');
    expect(await report('sms-1', 'DELIVERED')).toEqual({ recorded: false });
    expect(await report('sms-1', 'UNDELIVERED')).toEqual({ recorded: false });
    expect(await report('sms-1', 'READ')).toEqual({ recorded: true });
    expect(repo.rows.get(sent.id)?.deliveryStatus).toBe('READ');
  });

  it('keeps the error code of a failed delivery', async () => {
    const sent = await sentSms();
    await report('sms-1', 'UNDELIVERED');
    expect(repo.rows.get(sent.id)).toMatchObject({
      deliveryStatus: 'UNDELIVERED',
      deliveryErrorCode: '30003',
    });
  });
});
