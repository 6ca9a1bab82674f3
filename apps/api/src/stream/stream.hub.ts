import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import { PgListener } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import {
  Actor,
  IssueStreamMessage,
  maySeeIssue,
  NotificationService,
  NotificationStreamMessage,
  STREAM_CHANNELS,
  USER_ACCESS_CHANNEL,
} from '@app/workflow';

interface Client {
  actor: Actor;
  response: Response;
}

/**
 * The live stream's clients in this API process, fed by what every process's transactions NOTIFY on commit. Each
 * client gets only what it may see. When the LISTEN connection drops, messages may have been missed: every stream
 * is closed, and the clients reconnect and re-read their lists.
 */
@Injectable()
export class StreamHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StreamHub.name);
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly listener: PgListener,
    private readonly notifications: NotificationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.subscribe({
      channel: STREAM_CHANNELS.issueEvents,
      onMessage: (payload) => this.onIssueEvent(payload),
      onReconnect: () => this.closeAll(),
    });
    await this.listener.subscribe({
      channel: STREAM_CHANNELS.notifications,
      onMessage: (payload) => void this.onNotification(payload),
    });
    // A retired user, or one whose password changed, loses the stream at once; reconnecting is then refused.
    await this.listener.subscribe({
      channel: USER_ACCESS_CHANNEL,
      onMessage: (username) => this.close((client) => client.actor.username === username),
    });
    this.heartbeat = setInterval(() => this.broadcastComment('keep-alive'), this.config.streamHeartbeatMs);
    this.heartbeat.unref();
  }

  onApplicationShutdown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.closeAll();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Opens a stream on the response; it ends when the client goes away. */
  open(actor: Actor, response: Response): void {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    // Proxies that buffer (nginx) would hold events back.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(': connected\n\n');
    const client = { actor, response };
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
  }

  private onIssueEvent(payload: string): void {
    let message: IssueStreamMessage;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    const { filedBy: _filedBy, ...data } = message;
    const frame = `event: issue\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) if (maySeeIssue(client.actor, message)) client.response.write(frame);
  }

  private async onNotification(payload: string): Promise<void> {
    let message: NotificationStreamMessage;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    const recipients = [...this.clients].filter(
      ({ actor }) => (message.unit && actor.unit === message.unit) || message.username === actor.username,
    );
    if (recipients.length === 0) return;
    try {
      // Read once, as the first recipient sees it: a notification reads the same for everyone it reaches.
      const view = await this.notifications.get(recipients[0].actor, message.id);
      const frame = `event: notification\ndata: ${JSON.stringify(view)}\n\n`;
      for (const { response } of recipients) response.write(frame);
    } catch (error) {
      this.logger.warn({ err: error, notificationId: message.id }, 'could not read a notification for the stream');
    }
  }

  private broadcastComment(text: string): void {
    for (const { response } of this.clients) response.write(`: ${text}\n\n`);
  }

  private closeAll(): void {
    this.close(() => true);
  }

  private close(which: (client: Client) => boolean): void {
    for (const client of this.clients) {
      if (!which(client)) continue;
      client.response.end();
      this.clients.delete(client);
    }
  }
}
