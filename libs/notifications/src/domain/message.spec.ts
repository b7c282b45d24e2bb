import { ValidationFailedError } from '@carebook/core';
import { resolveChannel } from './channel';
import { MessageQueued } from './events/message-queued.event';
import { Message, REDACTED_BODY } from './message';
import type { MessageDraft } from './message-draft';
import { MessageNotPendingError } from './message.errors';
import { maskRecipient, Recipient } from './recipient';

const now = new Date('2026-03-01T09:00:00Z');
const later = new Date('2026-03-01T09:00:05Z');
const draft = (overrides: Partial<MessageDraft> = {}): MessageDraft => ({
  recipient: Recipient.of('+919812345678'),
  channel: 'LOG',
  template: 'otp',
  body: 'Your carebook code is 482913.',
  sensitive: true,
  ...overrides,
});
const fieldsOf = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors.map((e) => e.field);
  }
  throw new Error('expected VALIDATION_FAILED');
};

describe('Message', () => {
  it('queues PENDING and records MessageQueued carrying only the id, never the text', () => {
    const message = Message.queue(draft({ subject: '  ', idempotencyKey: ' otp-1 ' }), now);
    expect(message.snapshot()).toMatchObject({
      recipient: '+919812345678',
      status: 'PENDING',
      attempts: 0,
      subject: null,
      idempotencyKey: 'otp-1',
      sentAt: null,
      createdAt: now,
    });
    const [event, ...rest] = message.pullEvents();
    expect(rest).toEqual([]);
    expect(event).toBeInstanceOf(MessageQueued);
    expect(event.eventName).toBe('notifications.MessageQueued');
    expect(Object.keys({ ...event }).sort()).toEqual(['aggregateId', 'eventId', 'occurredAt']);
    expect(JSON.stringify(event)).not.toContain('482913');
  });

  it('names every bad field at once', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(
      fieldsOf(() =>
        Message.queue(draft({ template: 'OTP code', body: ' ', subject: long(201) }), now),
      ),
    ).toEqual(['template', 'body', 'subject']);
    expect(
      fieldsOf(() => Message.queue(draft({ body: long(20_001), idempotencyKey: long(201) }), now)),
    ).toEqual(['body', 'idempotencyKey']);
    expect(
      fieldsOf(() => Message.queue(draft({ about: { centreId: 'centre-1', patientId: null } }), now)),
    ).toEqual(['about.centreId']);
  });

  it('counts attempts: a transient failure stays PENDING, a success is SENT with its provider id', () => {
    const message = Message.queue(draft({ sensitive: false }), now);
    message.recordFailedAttempt('CHANNEL_UNAVAILABLE: timeout', false, now);
    expect(message.snapshot()).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'CHANNEL_UNAVAILABLE: timeout',
    });
    message.markSent('SM123', later, false);
    expect(message.snapshot()).toMatchObject({
      status: 'SENT',
      attempts: 2,
      providerMessageId: 'SM123',
      sentAt: later,
      updatedAt: later,
    });
    expect(message.snapshot().body).toBe('Your carebook code is 482913.');
    expect(() => message.markSent('again', later, false)).toThrow(MessageNotPendingError);
  });

  it('fails for good on a permanent failure, and then accepts no further attempt', () => {
    const message = Message.queue(draft({ sensitive: false }), now);
    message.recordFailedAttempt('x'.repeat(900), true, later);
    expect(message.snapshot()).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
    expect(message.snapshot().lastError).toHaveLength(500);
    expect(() => message.recordFailedAttempt('again', false, later)).toThrow(
      MessageNotPendingError,
    );
  });

  it('erases a sensitive body once settled, unless a sent message is kept for the dev capture', () => {
    const sent = Message.queue(draft(), now);
    sent.markSent('SM1', later, false);
    expect(sent.snapshot().body).toBe(REDACTED_BODY);
    const failed = Message.queue(draft(), now);
    failed.recordFailedAttempt('rejected', false, later);
    expect(failed.snapshot().body).toContain('482913'); // still needed for the next attempt
    failed.recordFailedAttempt('rejected', true, later);
    expect(failed.snapshot().body).toBe(REDACTED_BODY);
    const captured = Message.queue(draft(), now);
    captured.markSent('log-1', later, true);
    expect(captured.snapshot().body).toContain('482913');
  });
});

describe('Recipient and channel resolution', () => {
  it.each(['+919812345678', '+14155550123', 'asha@carebook.example', ' a.b+c@x.co '])(
    'accepts %p',
    (to) => {
      expect(Recipient.of(to).address).toBe(to.trim());
    },
  );

  it.each([
    '9812345678',
    '+0919812345678',
    '+91 98123 45678',
    'asha@',
    'asha@example',
    '',
    'a b@x.co',
  ])('rejects %p', (to) => {
    expect(fieldsOf(() => Recipient.of(to))).toEqual(['to']);
  });

  it('picks SMS for phones and EMAIL for addresses, falling back to LOG without a provider', () => {
    const phone = Recipient.of('+919812345678');
    const email = Recipient.of('asha@carebook.example');
    expect(resolveChannel(phone, undefined, ['SMS', 'LOG'])).toBe('SMS');
    expect(resolveChannel(email, undefined, ['EMAIL', 'LOG'])).toBe('EMAIL');
    expect(resolveChannel(phone, 'WHATSAPP', ['SMS', 'WHATSAPP', 'LOG'])).toBe('WHATSAPP');
    expect(resolveChannel(phone, undefined, ['LOG'])).toBe('LOG');
    expect(resolveChannel(email, 'EMAIL', ['SMS', 'LOG'])).toBe('LOG');
    expect(resolveChannel(email, 'LOG', ['EMAIL', 'LOG'])).toBe('LOG');
  });

  it('refuses a channel that cannot reach the recipient', () => {
    expect(
      fieldsOf(() => resolveChannel(Recipient.of('asha@carebook.example'), 'SMS', ['LOG'])),
    ).toEqual(['channel']);
    expect(fieldsOf(() => resolveChannel(Recipient.of('+919812345678'), 'EMAIL', ['LOG']))).toEqual(
      ['channel'],
    );
  });

  it('masks recipients for logs', () => {
    expect(maskRecipient('+919812345678')).toBe('+91******5678');
    expect(maskRecipient('asha@carebook.example')).toBe('a***@carebook.example');
    expect(maskRecipient('+12345')).toBe('******');
  });
});
