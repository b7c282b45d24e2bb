import { ValidationFailedError } from '@carebook/core';
import { FixedClock } from '@carebook/testing';
import { InMemoryChannelPreferences } from '../../../testing/notification-fakes';
import { SetChannelPreference } from './set-channel-preference.command';
import { SetChannelPreferenceHandler } from './set-channel-preference.handler';

describe('SetChannelPreferenceHandler', () => {
  const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));

  it('stores, replaces and clears a preference', async () => {
    const preferences = new InMemoryChannelPreferences();
    const set = new SetChannelPreferenceHandler(preferences, clock);
    await set.execute(new SetChannelPreference(' +919812345678 ', 'WHATSAPP'));
    expect(preferences.byRecipient.get('+919812345678')).toBe('WHATSAPP');
    await set.execute(new SetChannelPreference('+919812345678', 'SMS'));
    expect(preferences.byRecipient.get('+919812345678')).toBe('SMS');
    await set.execute(new SetChannelPreference('+919812345678', null));
    expect(preferences.byRecipient.size).toBe(0);
  });

  it('refuses a channel that cannot reach the recipient, and a bad recipient', async () => {
    const set = new SetChannelPreferenceHandler(new InMemoryChannelPreferences(), clock);
    for (const [to, channel] of [
      ['asha@carebook.example', 'SMS'],
      ['+919812345678', 'EMAIL'],
      ['+919812345678', 'LOG'],
      ['not-a-recipient', 'SMS'],
    ] as const) {
      await expect(
        set.execute(new SetChannelPreference(to, channel as 'SMS')),
      ).rejects.toBeInstanceOf(ValidationFailedError);
    }
  });
});
