import { NotFoundError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { REDACTED_BODY } from '../../../domain/message';
import { ChannelUnavailableError, MessageRejectedError } from '../../../domain/message.errors';
import {
  FakeMessageChannels,
  InMemoryChannelPreferences,
  InMemoryMessageRepository,
  RecordingChannel,
} from '../../../testing/notification-fakes';
import type { ChannelReceipt, OutgoingMessage } from '../../ports/message-channel';
import { SendMessage, SendMessageInput } from '../send-message/send-message.command';
import { SendMessageHandler } from '../send-message/send-message.handler';
import { DeliverMessage } from './deliver-message.command';
import { DeliverMessageHandler } from './deliver-message.handler';

describe('DeliverMessageHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));
  let repo: InMemoryMessageRepository;
  let log: RecordingChannel;
  let sms: RecordingChannel;
  let deliver: DeliverMessageHandler;
  const queue = async (input: Partial<SendMessageInput> = {}, live = [log]) => {
    const send = new SendMessageHandler(
      repo,
      new FakeMessageChannels(...live),
      clock,
      new InMemoryChannelPreferences(),
    );
    const { messageId } = await send.execute(
      new SendMessage({ to: '+919812345678', template: 'otp', body: 'code 482913', ...input }),
    );
    return messageId;
  };
  const row = (id: string) => repo.rows.get(id);

  beforeEach(() => {
    repo = new InMemoryMessageRepository();
    log = new RecordingChannel('LOG');
    sms = new RecordingChannel('SMS');
    deliver = new DeliverMessageHandler(repo, new FakeMessageChannels(log, sms), clock, {
      devMessages: true,
    });
  });

  it('sends through the message channel and marks it SENT after one attempt', async () => {
    const id = await queue();
    clock.advance(1500);
    expect(await deliver.execute(new DeliverMessage(id))).toEqual({ status: 'SENT' });
    expect(log.sent).toEqual([
      {
        id,
        to: '+919812345678',
        channel: 'LOG',
        template: 'otp',
        subject: null,
        body: 'code 482913',
        sensitive: false,
      },
    ]);
    expect(row(id)).toMatchObject({
      status: 'SENT',
      attempts: 1,
      providerMessageId: 'log-1',
      sentAt: clock.now(),
      lastError: null,
    });
  });

  it('does nothing for a message that is already SENT or FAILED (safe to run twice)', async () => {
    const id = await queue();
    await deliver.execute(new DeliverMessage(id));
    expect(await deliver.execute(new DeliverMessage(id))).toEqual({ status: 'SENT' });
    expect(log.sent).toHaveLength(1);
    expect(row(id)?.attempts).toBe(1);
  });

  it('records a transient failure and rethrows it for a retry, then delivers', async () => {
    const id = await queue();
    const timeout = new Error('ETIMEDOUT');
    log.failWith(timeout);
    await expect(deliver.execute(new DeliverMessage(id))).rejects.toBe(timeout);
    expect(row(id)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'Error: ETIMEDOUT',
      sentAt: null,
    });
    await deliver.execute(new DeliverMessage(id));
    expect(row(id)).toMatchObject({ status: 'SENT', attempts: 2, lastError: 'Error: ETIMEDOUT' });
  });

  it('marks FAILED on a permanent error, and on any error of the final attempt', async () => {
    const rejected = await queue();
    log.failWith(new MessageRejectedError('unknown number'));
    await expect(deliver.execute(new DeliverMessage(rejected))).rejects.toBeInstanceOf(
      MessageRejectedError,
    );
    expect(row(rejected)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: 'MESSAGE_REJECTED: unknown number',
    });

    const exhausted = await queue();
    log.failWith(new ChannelUnavailableError('provider down'));
    await expect(
      deliver.execute(new DeliverMessage(exhausted, { finalAttempt: true })),
    ).rejects.toBeInstanceOf(ChannelUnavailableError);
    expect(row(exhausted)).toMatchObject({ status: 'FAILED', attempts: 1 });
  });

  it('keeps a sensitive body only where the dev capture shows it', async () => {
    const captured = await queue({ sensitive: true });
    await deliver.execute(new DeliverMessage(captured));
    expect(row(captured)?.body).toBe('code 482913');

    const viaSms = await queue({ sensitive: true }, [log, sms]);
    await deliver.execute(new DeliverMessage(viaSms));
    expect(sms.sent[0].body).toBe('code 482913');
    expect(row(viaSms)).toMatchObject({ channel: 'SMS', status: 'SENT', body: REDACTED_BODY });

    const quiet = new DeliverMessageHandler(repo, new FakeMessageChannels(log), clock, {
      devMessages: false,
    });
    const notShown = await queue({ sensitive: true });
    await quiet.execute(new DeliverMessage(notShown));
    expect(row(notShown)?.body).toBe(REDACTED_BODY);
  });

  it('retries a message whose channel lost its provider, and answers NOT_FOUND for an unknown id', async () => {
    const id = await queue({}, [log, sms]);
    const logOnly = new DeliverMessageHandler(repo, new FakeMessageChannels(log), clock, {
      devMessages: true,
    });
    await expect(logOnly.execute(new DeliverMessage(id))).rejects.toBeInstanceOf(
      ChannelUnavailableError,
    );
    expect(row(id)).toMatchObject({ status: 'PENDING', attempts: 1 });
    await expect(
      deliver.execute(new DeliverMessage('0b0e5a52-8f8e-4c8e-8a57-1d6c1f3f0b11')),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  describe('an attempt left open by a worker that died mid-send', () => {
    /** An SMS provider that can be asked what it accepted, like Twilio. */
    class AskableChannel extends RecordingChannel {
      override readonly maxSendMs = 20_000;
      readonly accepted: Array<{ message: OutgoingMessage; sid: string }> = [];
      asked = 0;
      override async send(message: OutgoingMessage): Promise<ChannelReceipt> {
        const receipt = await super.send(message);
        this.accepted.push({ message, sid: receipt.providerMessageId as string });
        return receipt;
      }
      override async findAccepted(message: OutgoingMessage): Promise<ChannelReceipt[]> {
        this.asked += 1;
        return this.accepted
          .filter((a) => a.message.to === message.to && a.message.body === message.body)
          .reverse()
          .map((a) => ({ providerMessageId: a.sid }));
      }
    }
    let provider: AskableChannel;
    let viaProvider: DeliverMessageHandler;
    /** Queues an SMS and opens an attempt the way a worker does before it dies. */
    const openAttempt = async (to = '+919812345678', body = 'code 482913') => {
      const id = await queue({ to, body, channel: 'SMS' }, [log, provider]);
      await repo.startAttempt(id, null, clock.now());
      return id;
    };

    beforeEach(() => {
      provider = new AskableChannel('SMS');
      viaProvider = new DeliverMessageHandler(repo, new FakeMessageChannels(log, provider), clock, {
        devMessages: true,
      });
    });

    it('sends nothing while the open attempt may still be in flight: come back when it cannot', async () => {
      const id = await openAttempt();
      const opened = clock.now().getTime();
      clock.advance(5_000);
      expect(await viaProvider.execute(new DeliverMessage(id))).toEqual({
        status: 'PENDING',
        retryAt: new Date(opened + 20_000),
      });
      expect(provider.sent).toHaveLength(0);
      expect(provider.asked).toBe(0);
      expect(row(id)).toMatchObject({ attempts: 1, attemptStartedAt: new Date(opened) });
    });

    it('the provider has it: SENT with its id, not sent again, still one attempt', async () => {
      const id = await openAttempt();
      // The dead worker's request reached the provider; its answer was lost with the worker.
      await provider.send({
        id,
        to: '+919812345678',
        channel: 'SMS',
        template: 'otp',
        subject: null,
        body: 'code 482913',
        sensitive: false,
      });
      clock.advance(21_000);
      expect(await viaProvider.execute(new DeliverMessage(id))).toEqual({ status: 'SENT' });
      expect(provider.sent).toHaveLength(1);
      expect(row(id)).toMatchObject({
        status: 'SENT',
        attempts: 1,
        providerMessageId: 'sms-1',
        attemptStartedAt: null,
      });
    });

    it('the provider does not have it: sent once, as a second attempt', async () => {
      const id = await openAttempt();
      clock.advance(21_000);
      expect(await viaProvider.execute(new DeliverMessage(id))).toEqual({ status: 'SENT' });
      expect(provider.asked).toBe(1);
      expect(provider.sent).toHaveLength(1);
      expect(row(id)).toMatchObject({ status: 'SENT', attempts: 2, attemptStartedAt: null });
    });

    it('a match that another message holds (the same text sent twice) is not taken for this one', async () => {
      const first = await queue({ to: '+919812345678', body: 'see you', channel: 'SMS' }, [
        log,
        provider,
      ]);
      await viaProvider.execute(new DeliverMessage(first));
      const second = await openAttempt('+919812345678', 'see you');
      clock.advance(21_000);
      await viaProvider.execute(new DeliverMessage(second));
      expect(provider.sent).toHaveLength(2);
      expect(row(second)).toMatchObject({ status: 'SENT', providerMessageId: 'sms-2' });
    });

    it('a channel that cannot be asked sends again once the attempt cannot be in flight (60 s)', async () => {
      const id = await queue();
      await repo.startAttempt(id, null, clock.now());
      clock.advance(30_000);
      expect(await deliver.execute(new DeliverMessage(id))).toMatchObject({ status: 'PENDING' });
      clock.advance(31_000);
      expect(await deliver.execute(new DeliverMessage(id))).toEqual({ status: 'SENT' });
      expect(log.sent).toHaveLength(1);
      expect(row(id)).toMatchObject({ attempts: 2 });
    });

    it('an unanswered request (timeout) keeps the attempt open, so the retry asks first', async () => {
      const id = await queue({ channel: 'SMS' }, [log, provider]);
      provider.failWith(
        Object.assign(new ChannelUnavailableError('Twilio unreachable: ECONNABORTED'), {
          outcomeUnknown: true,
        }),
      );
      await expect(viaProvider.execute(new DeliverMessage(id))).rejects.toBeInstanceOf(
        ChannelUnavailableError,
      );
      expect(row(id)?.attemptStartedAt).toEqual(clock.now());
      clock.advance(21_000);
      await viaProvider.execute(new DeliverMessage(id));
      expect(provider.asked).toBe(1);
      expect(row(id)).toMatchObject({ status: 'SENT', attempts: 2 });
    });
  });
});
