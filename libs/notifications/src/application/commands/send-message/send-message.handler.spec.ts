import { ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import type { Channel } from '../../../domain/channel';
import {
  FakeMessageChannels,
  InMemoryChannelPreferences,
  InMemoryMessageRepository,
  RecordingChannel,
} from '../../../testing/notification-fakes';
import { SendMessage, SendMessageInput } from './send-message.command';
import { SendMessageHandler } from './send-message.handler';

const otp = (overrides: Partial<SendMessageInput> = {}): SendMessageInput => ({
  to: '+919812345678',
  template: 'otp',
  body: 'Your carebook code is 482913.',
  sensitive: true,
  ...overrides,
});

describe('SendMessageHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let repo: InMemoryMessageRepository;
  let preferences: InMemoryChannelPreferences;
  const handler = (...live: Channel[]) =>
    new SendMessageHandler(
      repo,
      new FakeMessageChannels(...live.map((c) => new RecordingChannel(c))),
      clock,
      preferences,
    );
  beforeEach(() => {
    repo = new InMemoryMessageRepository();
    preferences = new InMemoryChannelPreferences();
  });

  it('stores a PENDING message and queues it through the outbox', async () => {
    const { messageId } = await handler('LOG').execute(new SendMessage(otp()));
    expect(repo.rows.get(messageId)).toMatchObject({
      recipient: '+919812345678',
      channel: 'LOG',
      template: 'otp',
      status: 'PENDING',
      sensitive: true,
      createdAt: clock.now(),
    });
    expect(repo.events).toEqual(['notifications.MessageQueued']);
  });

  it('sends phones by SMS and addresses by EMAIL when a provider is live, else to LOG', async () => {
    const live = handler('SMS', 'EMAIL', 'LOG');
    const sms = await live.execute(new SendMessage(otp()));
    const email = await live.execute(
      new SendMessage(otp({ to: 'asha@carebook.example', subject: 'Your code' })),
    );
    const whatsapp = await live.execute(new SendMessage(otp({ channel: 'WHATSAPP' })));
    expect(repo.rows.get(sms.messageId)?.channel).toBe('SMS');
    expect(repo.rows.get(email.messageId)).toMatchObject({
      channel: 'EMAIL',
      subject: 'Your code',
    });
    expect(repo.rows.get(whatsapp.messageId)?.channel).toBe('LOG');
  });

  it('answers the first message for a repeated idempotency key and creates nothing', async () => {
    const send = handler('LOG');
    const first = await send.execute(
      new SendMessage(otp({ idempotencyKey: 'otp:+919812345678:1' })),
    );
    const again = await send.execute(
      new SendMessage(otp({ idempotencyKey: 'otp:+919812345678:1', body: 'other' })),
    );
    expect(again).toEqual(first);
    expect(repo.rows.size).toBe(1);
    expect(repo.events).toHaveLength(1);
  });

  it('rejects a bad recipient or a channel that cannot reach it, storing nothing', async () => {
    await expect(
      handler('LOG').execute(new SendMessage(otp({ to: '98123 45678' }))),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(
      handler('LOG').execute(new SendMessage(otp({ channel: 'EMAIL' }))),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    expect(repo.rows.size).toBe(0);
  });

  it("uses the recipient's preferred channel when it is live and none is named", async () => {
    const phone = '+919812345678';
    preferences.byRecipient.set(phone, 'WHATSAPP');
    const live = handler('SMS', 'WHATSAPP', 'LOG');
    const preferred = await live.execute(new SendMessage(otp()));
    const named = await live.execute(new SendMessage(otp({ channel: 'SMS' })));
    const smsOnly = await handler('SMS', 'LOG').execute(new SendMessage(otp()));
    expect(repo.rows.get(preferred.messageId)?.channel).toBe('WHATSAPP');
    expect(repo.rows.get(named.messageId)?.channel).toBe('SMS');
    // A preference without a provider gives way to the default channel, not to LOG.
    expect(repo.rows.get(smsOnly.messageId)?.channel).toBe('SMS');
  });
});
