import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '@app/platform';

interface Subscription {
  channel: string;
  onMessage: (payload: string) => void;
  /** Called after the connection came back: messages sent meanwhile were missed, so catch up. */
  onReconnect?: () => void;
}

const RECONNECT_MS = 1000;

/**
 * One LISTEN connection per process, shared by every subscriber (caches to invalidate, the live stream). NOTIFY is
 * sent inside the writing transaction, so a message arrives only once its change has committed, and every process
 * connected to the database hears it.
 */
@Injectable()
export class PgListener implements OnApplicationShutdown {
  private readonly logger = new Logger(PgListener.name);
  private readonly subscriptions = new Set<Subscription>();
  private client: Client | null = null;
  /** The channels the current connection listens on. */
  private listening = new Set<string>();
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether the connection is up: while it is down, subscribers must not trust what they hold. */
  get connected(): boolean {
    return this.client !== null;
  }

  async subscribe(subscription: Subscription): Promise<() => void> {
    this.subscriptions.add(subscription);
    if (!this.client) await this.connect();
    await this.listen(this.client, subscription.channel);
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async listen(client: Client | null, channel: string): Promise<void> {
    if (!client || this.listening.has(channel)) return;
    this.listening.add(channel);
    await client.query(`LISTEN ${quote(channel)}`);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(reconnecting = false): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'listener' });
    client.on('notification', (message) => {
      for (const subscription of this.subscriptions) {
        if (subscription.channel === message.channel) subscription.onMessage(message.payload ?? '');
      }
    });
    const lost = (error: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      this.logger.warn({ err: error }, 'LISTEN connection lost; reconnecting');
      client.end().catch(() => undefined);
      setTimeout(() => void this.open(true).catch(() => undefined), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    try {
      await client.connect();
      this.listening = new Set();
      this.client = client;
      for (const { channel } of this.subscriptions) await this.listen(client, channel);
      if (reconnecting) for (const subscription of this.subscriptions) subscription.onReconnect?.();
    } catch (error) {
      client.end().catch(() => undefined);
      if (!reconnecting) throw error;
      setTimeout(() => void this.open(true).catch(() => undefined), RECONNECT_MS).unref();
    }
  }
}

const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;
