import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface SmsRequest {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: { to: string; text: string };
  answered: number;
  at: number;
}

/** An SMS gateway on loopback: records every POST, answers what `answer` says for it (0: no answer at all). */
export class SmsGateway {
  readonly requests: SmsRequest[] = [];
  port = 0;
  private readonly server: Server;

  constructor(public answer: (request: Omit<SmsRequest, 'answered' | 'at'>, seen: number) => number = () => 200) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const received = { headers: request.headers, raw, body: JSON.parse(raw.toString('utf8')) };
        const key = request.headers['x-event-id'];
        const seen = this.requests.filter((earlier) => earlier.headers['x-event-id'] === key).length;
        const answered = this.answer(received, seen);
        this.requests.push({ ...received, answered, at: Date.now() });
        // 0: taken and never answered, as by a sender that dies waiting.
        if (answered === 0) return;
        response
          .writeHead(answered, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ ok: answered < 300 }));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms/send`;
  }

  /** Messages whose text mentions this. */
  about(text: string): SmsRequest[] {
    return this.requests.filter((request) => request.body.text.includes(text));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
