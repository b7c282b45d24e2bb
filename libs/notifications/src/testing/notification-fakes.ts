import { CHANNELS } from '../domain/channel';
import type { Channel } from '../domain/channel';
import { ChannelPreferences } from '../domain/channel-preferences';
import { Message, MessageState } from '../domain/message';
import {
  MessageRepository,
  StrandedCriteria,
  StrandedCursor,
  StrandedPage,
} from '../domain/message.repository';
import { ChannelUnavailableError } from '../domain/message.errors';
import {
  ChannelReceipt,
  MessageChannel,
  MessageChannels,
  OutgoingMessage,
} from '../application/ports/message-channel';

/** Spec-only stand-ins for notifications' ports (not exported from the barrel). */
export class InMemoryMessageRepository extends MessageRepository {
  readonly rows = new Map<string, MessageState>();
  readonly events: string[] = [];

  async findById(id: string): Promise<Message | undefined> {
    const row = this.rows.get(id);
    return row && Message.restore(row);
  }
  async findByProviderMessageId(providerMessageId: string): Promise<Message | undefined> {
    const row = [...this.rows.values()].find((r) => r.providerMessageId === providerMessageId);
    return row && Message.restore(row);
  }
  async add(message: Message): Promise<string> {
    const events = message.pullEvents();
    const key = message.snapshot().idempotencyKey;
    const holder = key && [...this.rows.values()].find((r) => r.idempotencyKey === key);
    if (holder) return holder.id;
    this.events.push(...events.map((e) => e.eventName));
    this.rows.set(message.id, message.snapshot());
    return message.id;
  }
  async save(message: Message): Promise<void> {
    this.events.push(...message.pullEvents().map((e) => e.eventName));
    this.rows.set(message.id, message.snapshot());
  }
  async startAttempt(id: string, openAttempt: Date | null, now: Date): Promise<Message | undefined> {
    const row = this.rows.get(id);
    if (row?.status !== 'PENDING' || row.attemptStartedAt?.getTime() !== openAttempt?.getTime()) return undefined;
    const message = Message.restore(row);
    message.startAttempt(now);
    this.rows.set(id, message.snapshot());
    return message;
  }
  async saveOutcome(message: Message, attempt: Date): Promise<boolean> {
    const row = this.rows.get(message.id);
    if (row?.status !== 'PENDING' || row.attemptStartedAt?.getTime() !== attempt.getTime()) return false;
    await this.save(message);
    return true;
  }
  /** Messages whose MessageQueued the relay has published, and that event's id (one stream). */
  readonly published = new Map<string, string>();
  async findStranded(c: StrandedCriteria): Promise<StrandedPage> {
    const key = (m: StrandedCursor) => `${m.createdAt} ${m.messageId}`;
    const candidates = [...this.rows.values()]
      .filter(
        (r) =>
          r.status === 'PENDING' &&
          r.createdAt < c.createdBefore &&
          (!r.attemptStartedAt || r.attemptStartedAt < c.attemptOpenedBefore),
      )
      .map((r) => ({ messageId: r.id, createdAt: r.createdAt.toISOString() }))
      .filter((m) => !c.after || key(m) > key(c.after))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .slice(0, c.limit);
    return {
      messages: candidates
        .filter((m) => this.published.has(m.messageId))
        .map((m) => ({
          messageId: m.messageId,
          eventId: this.published.get(m.messageId) as string,
        })),
      next: candidates.length < c.limit ? undefined : candidates[candidates.length - 1],
    };
  }
}

/** A channel that records what it was handed and fails as scripted (`failWith`, once each). */
export class RecordingChannel extends MessageChannel {
  readonly sent: OutgoingMessage[] = [];
  readonly failures: unknown[] = [];

  constructor(readonly channel: Channel = 'LOG') {
    super();
  }
  failWith(...errors: unknown[]): this {
    this.failures.push(...errors);
    return this;
  }
  async send(message: OutgoingMessage): Promise<ChannelReceipt> {
    if (this.failures.length) throw this.failures.shift();
    this.sent.push(message);
    return { providerMessageId: `${this.channel.toLowerCase()}-${this.sent.length}` };
  }
}

/** The given adapters are live; any other channel is unavailable. */
export class FakeMessageChannels extends MessageChannels {
  private readonly adapters: Map<Channel, MessageChannel>;
  constructor(...adapters: MessageChannel[]) {
    super();
    this.adapters = new Map(adapters.map((a) => [a.channel, a]));
  }
  live(): Channel[] {
    return CHANNELS.filter((c) => this.adapters.has(c));
  }
  adapterFor(channel: Channel): MessageChannel {
    const adapter = this.adapters.get(channel);
    if (!adapter) throw new ChannelUnavailableError(`no ${channel} adapter`);
    return adapter;
  }
}

/** Preferences in a map. */
export class InMemoryChannelPreferences extends ChannelPreferences {
  readonly byRecipient = new Map<string, Channel>();
  async preferredChannel(recipient: string): Promise<Channel | undefined> {
    return this.byRecipient.get(recipient);
  }
  async setPreferredChannel(recipient: string, channel: Channel | null): Promise<void> {
    if (channel) this.byRecipient.set(recipient, channel);
    else this.byRecipient.delete(recipient);
  }
}
