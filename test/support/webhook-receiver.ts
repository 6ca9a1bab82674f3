import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: { id: string; type: string; occurredAt: string; issue: { id: string } | null; data: Record<string, unknown> };
  answered: number;
  at: number;
}

/** A webhook receiver on loopback: records every request, answers what `answer` says for its path. */
export class Receiver {
  readonly requests: Received[] = [];
  private server: Server;
  port = 0;

  constructor(private readonly answer: (path: string) => number) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const path = request.url ?? '';
        const answered = this.answer(path);
        this.requests.push({
          path,
          headers: request.headers,
          raw,
          body: JSON.parse(raw.toString('utf8')),
          answered,
          at: Date.now(),
        });
        response.writeHead(answered, { 'Content-Type': 'text/plain' }).end(answered < 300 ? 'ok' : 'unavailable');
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): Received[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** The receiver's dedupe: the event ids it has accepted (answered 2xx) at a path. */
  accepted(path: string): Set<string> {
    return new Set(
      this.at(path)
        .filter((request) => request.answered < 300)
        .map((request) => request.headers['x-event-id'] as string),
    );
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
