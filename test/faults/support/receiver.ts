import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type ReceiverBehaviour = (request: IncomingMessage, attempt: number) => { status: number; delayMs?: number };

/** A webhook receiver under the test's control: it can fail, answer slowly, or be gone (closed port). */
export class WebhookReceiver {
  /** Requests by X-Event-Id: how many times each event arrived. */
  readonly received = new Map<string, number>();
  behaviour: ReceiverBehaviour = () => ({ status: 200 });
  private server: Server;
  private port = 0;
  private readonly sockets = new Set<import('node:net').Socket>();

  private constructor() {
    this.server = this.create();
  }

  private create(): Server {
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const id = String(request.headers['x-event-id']);
      const attempt = (this.received.get(id) ?? 0) + 1;
      this.received.set(id, attempt);
      const { status, delayMs } = this.behaviour(request, attempt);
      request.resume();
      request.on('end', () => {
        const answer = () => {
          if (!response.destroyed) response.writeHead(status).end();
        };
        if (delayMs) setTimeout(answer, delayMs).unref();
        else answer();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.listen(0);
    return receiver;
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      }),
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** Gone: the port is closed and open connections are cut. */
  async gone(): Promise<void> {
    const closed = new Promise((resolve) => this.server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async back(): Promise<void> {
    this.server = this.create();
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    if (this.server.listening) await this.gone();
  }
}
