import { loadConfig } from '@app/platform';

const BASE = { DATABASE_URL: 'postgres://localhost/x', REDIS_URL: 'redis://localhost' };

describe('notification channel configuration', () => {
  it('is off while the URLs are unset', () => {
    expect(loadConfig(BASE).channels).toMatchObject({ smtpUrl: null, smsGatewayUrl: null, maxAttempts: 20 });
  });

  it('takes MAIL_FROM, or SMTP_FROM, beside SMTP_URL, and refuses SMTP_URL without either', () => {
    const mail = { ...BASE, SMTP_URL: 'smtp://mail.example.gov.cn:587' };
    expect(loadConfig({ ...mail, MAIL_FROM: '问题直办 <noreply@example.gov.cn>' }).channels.mailFrom).toBe(
      '问题直办 <noreply@example.gov.cn>',
    );
    expect(loadConfig({ ...mail, SMTP_FROM: 'noreply@example.gov.cn' }).channels.mailFrom).toBe(
      'noreply@example.gov.cn',
    );
    expect(() => loadConfig(mail)).toThrow('MAIL_FROM is required when SMTP_URL is set');
    expect(() => loadConfig({ ...mail, MAIL_FROM: '问题直办' })).toThrow('MAIL_FROM must be an address');
    expect(() => loadConfig({ ...BASE, SMTP_URL: 'http://mail.example.gov.cn' })).toThrow('SMTP_URL must use smtp:');
  });

  it('needs a secret of 16 characters or more with SMS_GATEWAY_URL', () => {
    const sms = { ...BASE, SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send' };
    expect(() => loadConfig(sms)).toThrow('SMS_GATEWAY_SECRET of at least 16 characters');
    expect(() => loadConfig({ ...sms, SMS_GATEWAY_SECRET: 'short' })).toThrow('SMS_GATEWAY_SECRET');
    expect(loadConfig({ ...sms, SMS_GATEWAY_SECRET: 'a-long-enough-secret' }).channels.smsGatewayUrl).toBe(
      'https://sms.example.gov.cn/send',
    );
    expect(() => loadConfig({ ...BASE, CHANNEL_MAX_ATTEMPTS: '0' })).toThrow('CHANNEL_MAX_ATTEMPTS must be an integer');
  });
});
