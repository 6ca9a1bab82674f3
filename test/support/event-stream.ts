import { IncomingMessage, request } from 'node:http';
import { waitFor } from './test-app';

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** A client of GET /api/v1/stream, as a browser's streaming fetch reads it: events and comments, in order. */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  ended = false;
  private response: IncomingMessage | null = null;
  private buffer = '';

  static async open(port: number, token: string): Promise<EventStreamClient> {
    const client = new EventStreamClient();
    await new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/v1/stream', headers: { Authorization: `Bearer ${token}` } },
        (response) => {
          client.status = response.statusCode ?? 0;
          client.response = response;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => client.receive(chunk));
          response.on('end', () => (client.ended = true));
          response.on('close', () => (client.ended = true));
          resolve();
        },
      );
      req.on('error', reject);
      req.end();
    });
    return client;
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length) this.events.push({ event, data: JSON.parse(data.join('\n')) });
    }
  }

  /** Waits until an event matching the check has arrived, and answers it. */
  waitFor(check: (event: StreamEvent) => boolean, what: string, timeoutMs = 10_000): Promise<StreamEvent> {
    return waitFor(async () => this.events.find(check), timeoutMs, what);
  }

  close(): void {
    this.response?.destroy();
  }
}
