import { ConfigValidationError, loadConfig } from './env';

const SID = 'AC' + 'a1'.repeat(16);
const TOKEN = 'f0'.repeat(16);
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  return [];
};

describe('loadConfig: messaging', () => {
  it('has no provider by default (every channel falls back to the log channel)', () => {
    expect(loadConfig({}).messaging).toEqual({ twilio: undefined, smtp: undefined });
  });

  it('reads Twilio and SMTP, dropping a whatsapp: prefix from the sender', () => {
    const { messaging } = loadConfig({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_SMS_FROM: '+14155550100',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155550101',
      TWILIO_API_BASE_URL: 'http://127.0.0.1:4010',
      TWILIO_STATUS_CALLBACK_URL: 'https://carebook.example/api/v1/notifications/webhooks/twilio',
      SMTP_URL: 'smtp://mailer:secret@127.0.0.1:2525',
      MAIL_FROM: 'carebook <no-reply@carebook.example>',
    });
    expect(messaging).toEqual({
      twilio: {
        accountSid: SID,
        authToken: TOKEN,
        smsFrom: '+14155550100',
        whatsappFrom: '+14155550101',
        apiBaseUrl: 'http://127.0.0.1:4010',
        statusCallbackUrl: 'https://carebook.example/api/v1/notifications/webhooks/twilio',
      },
      smtp: {
        url: 'smtp://mailer:secret@127.0.0.1:2525',
        from: 'carebook <no-reply@carebook.example>',
      },
    });
    const serviceSid = 'MG' + '0'.repeat(32);
    expect(
      loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_SMS_FROM: serviceSid })
        .messaging.twilio?.smsFrom,
    ).toBe(serviceSid);
  });

  it('names each bad variable, and never echoes a secret', () => {
    const problems = problemsOf({
      TWILIO_ACCOUNT_SID: 'SK123',
      TWILIO_AUTH_TOKEN: 'hunter2-secret',
      TWILIO_SMS_FROM: '0800 123',
      TWILIO_WHATSAPP_FROM: 'whatsapp:12345',
      TWILIO_API_BASE_URL: 'ftp://fake',
      TWILIO_STATUS_CALLBACK_URL: '/relative',
      SMTP_URL: 'http://mailer:p4ssw0rd@mail.example',
      MAIL_FROM: 'not an address',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'TWILIO_API_BASE_URL',
      'TWILIO_STATUS_CALLBACK_URL',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_SMS_FROM',
      'TWILIO_WHATSAPP_FROM',
      'SMTP_URL',
      'MAIL_FROM',
    ]);
    const text = problems.join('\n');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('p4ssw0rd');
  });

  it('refuses half a configuration instead of silently falling back to the log', () => {
    expect(problemsOf({ TWILIO_SMS_FROM: '+14155550100' })).toEqual([
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must both be set when any TWILIO_* variable is set',
    ]);
    expect(problemsOf({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN })).toEqual([
      'TWILIO_SMS_FROM or TWILIO_WHATSAPP_FROM must be set when Twilio is configured',
    ]);
    expect(problemsOf({ SMTP_URL: 'smtps://u:p@smtp.example:465' })).toEqual([
      'MAIL_FROM must be set when SMTP_URL is set',
    ]);
    // MAIL_FROM alone is harmless (an .env copied from the example keeps it).
    expect(loadConfig({ MAIL_FROM: 'no-reply@carebook.example' }).messaging.smtp).toBeUndefined();
  });
});
