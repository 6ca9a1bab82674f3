import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { ChannelRefusedError, ChannelTransport, OutgoingMessage } from './channel-transport';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** E-mail over SMTP (`SMTP_URL`, `MAIL_FROM`). The Message-ID carries the delivery's id, as does `X-Event-Id`. */
@Injectable()
export class MailTransport extends ChannelTransport implements OnModuleDestroy {
  readonly channel = 'email' as const;
  readonly enabled: boolean;
  private readonly transporter: Transporter | null;
  private readonly domain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    const { smtpUrl, mailFrom, timeoutMs } = config.channels;
    this.enabled = !!smtpUrl;
    this.domain = /@([^@\s>]+)>?\s*$/.exec(mailFrom ?? '')?.[1] ?? 'localhost';
    // Pooled: a new SMTP session costs ~100 ms before the first byte of mail; a dropped one is opened again, and
    // the message it carried fails its attempt and is retried like any other.
    this.transporter = smtpUrl
      ? createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 8,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs,
        } as Parameters<typeof createTransport>[0])
      : null;
  }

  async send(message: OutgoingMessage): Promise<string> {
    if (!this.transporter) throw new Error('SMTP_URL is not set in this process');
    try {
      const info = await this.transporter.sendMail({
        from: this.config.channels.mailFrom ?? undefined,
        to: message.address,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.key}@${this.domain}>`,
        headers: { 'X-Event-Id': message.key },
      });
      return String(info.response ?? 'accepted');
    } catch (cause) {
      const error = cause as SmtpError;
      // A recipient the server refuses for good (5xx at RCPT) will be refused again; anything else is retried.
      const permanent = error.code === 'EENVELOPE' && (error.responseCode ?? 0) >= 500;
      throw new ChannelRefusedError(`SMTP: ${error.message}`, permanent, error.response ?? null);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
