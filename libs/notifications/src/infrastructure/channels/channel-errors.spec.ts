import { ChannelUnavailableError, MessageRejectedError } from '../../domain/message.errors';
import { smtpChannelError } from './smtp/smtp-errors';
import { twilioChannelError } from './twilio/twilio-errors';

const to = '+919812345678';
const rest = (status: number, code: number, message: string) =>
  Object.assign(new Error(message), { status, code });

describe('Twilio errors -> the port', () => {
  it.each([
    [400, 21211, "The 'To' number +919812345678 is not a valid phone number."],
    [400, 21610, 'Attempt to send to unsubscribed recipient'],
    [400, 21614, "'To' number is not a valid mobile number"],
    [401, 20003, 'Authenticate'],
  ])('HTTP %d / %d is permanent: MessageRejectedError, never retried', (status, code, text) => {
    const error = twilioChannelError(rest(status, code, text), to);
    expect(error).toBeInstanceOf(MessageRejectedError);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(new RegExp(`^Twilio ${code} \\(HTTP ${status}\\): `));
  });

  it.each([
    [429, 20429, 'Too Many Requests'],
    [500, 20500, 'Internal Server Error'],
    [503, 20503, 'Service Unavailable'],
  ])('HTTP %d is transient: ChannelUnavailableError, retried', (status, code, text) => {
    const error = twilioChannelError(rest(status, code, text), to);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect(error.retryable).toBe(true);
  });

  it('treats a network failure as transient and names only its code', () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:9`), {
      code: 'ECONNREFUSED',
    });
    expect(twilioChannelError(refused, to)).toEqual(
      new ChannelUnavailableError('Twilio unreachable: ECONNREFUSED'),
    );
    expect(twilioChannelError(new Error('socket hang up'), to)).toBeInstanceOf(
      ChannelUnavailableError,
    );
  });

  it('masks the number wherever Twilio echoes it', () => {
    const error = twilioChannelError(
      rest(400, 21211, "The 'To' number +919812345678 (919812345678) is not valid."),
      to,
    );
    expect(error.message).not.toContain('9812345678');
    expect(error.message).toContain('+91******5678');
  });
});

describe('SMTP errors -> the port', () => {
  const email = 'Asha.Rao@carebook.example';
  const smtp = (fields: Record<string, unknown>) => Object.assign(new Error('smtp'), fields);

  it('a 5xx reply is permanent, a 4xx reply transient', () => {
    const unknownUser = smtp({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <asha.rao@carebook.example>: Recipient address rejected',
    });
    const rejected = smtpChannelError(unknownUser, email);
    expect(rejected).toBeInstanceOf(MessageRejectedError);
    expect(rejected.message).toBe(
      'SMTP 550: 550 5.1.1 <A***@carebook.example>: Recipient address rejected',
    );
    expect(smtpChannelError(smtp({ code: 'EAUTH', responseCode: 535 }), email)).toBeInstanceOf(
      MessageRejectedError,
    );
    const greylisted = smtp({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' });
    expect(smtpChannelError(greylisted, email)).toBeInstanceOf(ChannelUnavailableError);
  });

  it('connection faults are transient; envelope faults found locally are permanent', () => {
    for (const code of ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS']) {
      expect(smtpChannelError(smtp({ code }), email)).toBeInstanceOf(ChannelUnavailableError);
    }
    expect(smtpChannelError(new Error('connect ECONNREFUSED'), email)).toBeInstanceOf(
      ChannelUnavailableError,
    );
    expect(smtpChannelError(smtp({ code: 'EENVELOPE' }), email)).toBeInstanceOf(
      MessageRejectedError,
    );
  });
});
