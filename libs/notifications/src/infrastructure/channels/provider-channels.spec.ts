import type { MessagingConfig } from '@carebook/core';
import { ChannelUnavailableError } from '../../domain/message.errors';
import { ConfiguredMessageChannels } from './configured-message-channels';
import { LogChannel } from './log.channel';
import { providerChannels } from './provider-channels';
import { rebase } from './twilio/twilio-messages.client';

const twilio = { accountSid: 'AC' + '1'.repeat(32), authToken: 'a'.repeat(32) };
const smtp = { url: 'smtp://127.0.0.1:1', from: 'carebook <no-reply@carebook.example>' };
const channelsFor = async (messaging: MessagingConfig) =>
  new ConfiguredMessageChannels(new LogChannel(), await providerChannels.useFactory(messaging));

describe('ConfiguredMessageChannels', () => {
  it('has only LOG without providers, and refuses the others', async () => {
    const channels = await channelsFor({});
    expect(channels.live()).toEqual(['LOG']);
    expect(() => channels.adapterFor('SMS')).toThrow(ChannelUnavailableError);
  });

  it('adds SMS and WhatsApp for each configured Twilio sender, and EMAIL for SMTP', async () => {
    expect((await channelsFor({ twilio: { ...twilio, smsFrom: '+14155550100' } })).live()).toEqual([
      'SMS',
      'LOG',
    ]);
    const all = await channelsFor({
      twilio: { ...twilio, smsFrom: '+14155550100', whatsappFrom: '+14155550101' },
      smtp,
    });
    expect(all.live()).toEqual(['SMS', 'WHATSAPP', 'EMAIL', 'LOG']);
    expect(all.adapterFor('WHATSAPP').channel).toBe('WHATSAPP');
    await all.onModuleDestroy();
  });

  it("points the SDK's URLs at TWILIO_API_BASE_URL, keeping the path and query", () => {
    const uri = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?x=1';
    expect(rebase(uri, 'http://127.0.0.1:4010')).toBe(
      'http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?x=1',
    );
    expect(rebase(uri, 'https://proxy.example/twilio/')).toBe(
      'https://proxy.example/twilio/2010-04-01/Accounts/AC1/Messages.json?x=1',
    );
  });
});
