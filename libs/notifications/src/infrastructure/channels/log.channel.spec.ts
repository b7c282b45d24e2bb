import { Logger } from '@nestjs/common';
import { LogChannel } from './log.channel';

describe('LogChannel', () => {
  it('captures without writing the body or the full recipient to the process log', async () => {
    const lines: string[] = [];
    const log = jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation((message: unknown) => void lines.push(String(message)));
    const stdout = jest.spyOn(process.stdout, 'write');
    try {
      const receipt = await new LogChannel().send({
        id: 'c2a3b9e4-5d1f-4c8e-9a57-1d6c1f3f0b11',
        to: '+919812345678',
        channel: 'LOG',
        template: 'otp',
        subject: null,
        body: 'Your carebook code is 482913.',
        sensitive: true,
      });
      expect(receipt).toEqual({ providerMessageId: 'log-c2a3b9e4-5d1f-4c8e-9a57-1d6c1f3f0b11' });
      expect(lines).toEqual([
        expect.stringContaining('c2a3b9e4-5d1f-4c8e-9a57-1d6c1f3f0b11 (otp) to +91******5678'),
      ]);
      const written = [...lines, ...stdout.mock.calls.map(([chunk]) => String(chunk))].join('\n');
      expect(written).not.toContain('482913');
      expect(written).not.toContain('9812345678');
    } finally {
      log.mockRestore();
      stdout.mockRestore();
    }
  });
});
