import { UnitOfWork } from '@carebook/core';
import { Injectable } from '@nestjs/common';
import type { Channel } from '../domain/channel';
import { ChannelPreferences } from '../domain/channel-preferences';

/** `notification_preferences` rows, in the caller's transaction when one is open. */
@Injectable()
export class TypeormChannelPreferences extends ChannelPreferences {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async preferredChannel(recipient: string): Promise<Channel | undefined> {
    const rows: { channel: Channel }[] = await this.uow
      .manager()
      .query(`SELECT channel FROM notification_preferences WHERE recipient = $1`, [recipient]);
    return rows[0]?.channel;
  }

  async setPreferredChannel(recipient: string, channel: Channel | null, now: Date): Promise<void> {
    if (!channel) {
      await this.uow
        .manager()
        .query(`DELETE FROM notification_preferences WHERE recipient = $1`, [recipient]);
      return;
    }
    await this.uow.manager().query(
      `INSERT INTO notification_preferences (recipient, channel, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (recipient) DO UPDATE SET channel = EXCLUDED.channel, updated_at = EXCLUDED.updated_at`,
      [recipient, channel, now],
    );
  }
}
