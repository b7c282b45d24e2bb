import type { Channel } from './channel';

/**
 * Port: the channel each recipient prefers (a patient who would rather get WhatsApp than
 * SMS). Keyed by the recipient's address, the same E.164 phone or e-mail as `message_log`.
 */
export abstract class ChannelPreferences {
  abstract preferredChannel(recipient: string): Promise<Channel | undefined>;
  /** Stores the preference; `null` removes it (back to the default channel). */
  abstract setPreferredChannel(
    recipient: string,
    channel: Channel | null,
    now: Date,
  ): Promise<void>;
}
