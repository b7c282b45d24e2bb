import { Clock, ValidationFailedError } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { reaches } from '../../../domain/channel';
import { ChannelPreferences } from '../../../domain/channel-preferences';
import { Recipient } from '../../../domain/recipient';
import { SetChannelPreference } from './set-channel-preference.command';

@CommandHandler(SetChannelPreference)
export class SetChannelPreferenceHandler implements ICommandHandler<SetChannelPreference> {
  constructor(
    private readonly preferences: ChannelPreferences,
    private readonly clock: Clock,
  ) {}

  async execute({ to, channel }: SetChannelPreference): Promise<void> {
    const recipient = Recipient.of(to);
    if (channel && ((channel as string) === 'LOG' || !reaches(channel, recipient.kind))) {
      throw new ValidationFailedError([
        {
          field: 'channel',
          message: `channel ${channel} cannot reach a ${recipient.kind} recipient`,
        },
      ]);
    }
    await this.preferences.setPreferredChannel(recipient.address, channel, this.clock.now());
  }
}
