import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
  messageId: string;
  at: number;
}

/**
 * `accept`: 250; `defer`: 451 after DATA; `close`: the connection is refused with 421 and closed; `swallow`: the
 * mail is recorded but never answered (the sender dies waiting for its 250).
 */
export type SmtpMode = 'accept' | 'defer' | 'close' | 'swallow';

/** A real SMTP server on loopback (smtp-server), recording every mail it accepts and every attempt it refuses. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  readonly refused: { mode: SmtpMode; at: number }[] = [];
  mode: SmtpMode = 'accept';
  private readonly unanswered: ((error?: Error) => void)[] = [];
  port = 0;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      disableReverseLookup: true,
      onConnect: (_session, callback) => {
        if (this.mode !== 'close') return callback();
        this.refused.push({ mode: 'close', at: Date.now() });
        callback(Object.assign(new Error('service not available, closing channel'), { responseCode: 421 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.mode === 'defer' || this.mode === 'close') {
            this.refused.push({ mode: this.mode, at: Date.now() });
            return callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          }
          const mail = parseMail(Buffer.concat(chunks).toString('latin1'));
          this.mails.push({
            ...mail,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            at: Date.now(),
          });
          if (this.mode === 'swallow') this.unanswered.push(callback);
          else callback();
        });
      },
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails whose subject or body mention this text. */
  about(text: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.subject.includes(text) || mail.text.includes(text));
  }

  close(): Promise<void> {
    for (const callback of this.unanswered.splice(0)) callback(new Error('closing'));
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A single-part text mail as nodemailer writes it: folded headers, RFC 2047 words, base64 or quoted-printable. */
function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'at'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = quotedPrintable(body.replace(/=\r\n/g, ''));
  else bytes = Buffer.from(body, 'latin1');
  return {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd(),
    messageId: headers['message-id'] ?? '',
  };
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** Adjacent encoded words are joined as bytes first: a character may be split across two of them. */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of value.matchAll(word)) {
    const between = value.slice(last, match.index);
    if (between.trim()) parts.push(Buffer.from(between, 'latin1'));
    const [, , kind, data] = match;
    parts.push(kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' ')));
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(Buffer.from(value.slice(last), 'latin1'));
  return Buffer.concat(parts).toString('utf8');
}
